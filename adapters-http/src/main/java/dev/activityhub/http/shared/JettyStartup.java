package dev.activityhub.http.shared;

/**
 * What Jetty would otherwise work out at start-up through JMX.
 *
 * <p>Jetty's {@code MemoryUtils} pads its queues to the CPU's cache line and, unless the system property
 * {@value #REFERENCES_PER_CACHE_LINE} says how many object references fit in one, asks the platform MBean
 * server whether the JVM compresses references. Starting that server loads about 300 classes of JMX and of the
 * JVM's diagnostic commands (java.management, jdk.management, jdk.jfr), a tenth of the main thread's start-up,
 * for one number. The JVM compresses references whenever the heap is below 32 GB unless told not to, so the
 * answer follows from the heap's size; a wrong guess (a flag turning compression off) costs padding, never
 * correctness. A value set by the operator is kept.
 */
public final class JettyStartup {
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    /** Jetty's default, {@code org.eclipse.jetty.util.cacheLineBytes}. */
    private static final int CACHE_LINE_BYTES = 64;
    /** Above this heap the JVM cannot compress references (it turns compression off near 32 GB). */
    private static final long COMPRESSED_REFERENCES_MAX_HEAP = 31L * 1024 * 1024 * 1024;

    private JettyStartup() {
    }

    /** Sets {@value #REFERENCES_PER_CACHE_LINE} unless already set; call before Jetty's first thread pool. */
    public static void skipJmxProbe() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE,
                    Integer.toString(referencesPerCacheLine(Runtime.getRuntime().maxMemory())));
        }
    }

    /** 16 with compressed (4-byte) references, 8 with 8-byte ones, as Jetty would compute it. */
    static int referencesPerCacheLine(long maxHeapBytes) {
        return CACHE_LINE_BYTES / (maxHeapBytes < COMPRESSED_REFERENCES_MAX_HEAP ? 4 : 8);
    }
}
