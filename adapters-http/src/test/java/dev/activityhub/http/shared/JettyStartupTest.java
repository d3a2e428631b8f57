package dev.activityhub.http.shared;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.eclipse.jetty.util.MemoryUtils;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JettyStartupTest {
    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void theGuessFromTheHeapIsWhatJettyWouldAskJmxFor() {
        boolean compressed = Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseCompressedOops").getValue());

        assertEquals(compressed ? 16 : 8, JettyStartup.referencesPerCacheLine(Runtime.getRuntime().maxMemory()));
    }

    @Test
    void compressedReferencesBelow31GbOfHeapOnly() {
        assertEquals(16, JettyStartup.referencesPerCacheLine(256L * 1024 * 1024));
        assertEquals(16, JettyStartup.referencesPerCacheLine(30 * GB));
        assertEquals(8, JettyStartup.referencesPerCacheLine(31 * GB));
        assertEquals(8, JettyStartup.referencesPerCacheLine(64 * GB));
    }

    @Test
    void jettyUsesTheValueOnceAnHttpServerClassIsLoaded() throws ClassNotFoundException {
        Class.forName(HttpServer.class.getName(), true, getClass().getClassLoader());

        String value = System.getProperty(JettyStartup.REFERENCES_PER_CACHE_LINE);
        assertEquals(Integer.toString(JettyStartup.referencesPerCacheLine(Runtime.getRuntime().maxMemory())), value);
        assertEquals(Integer.parseInt(value), MemoryUtils.getReferencesPerCacheLine());
    }

    @Test
    void anOperatorsValueIsKept() {
        String before = System.getProperty(JettyStartup.REFERENCES_PER_CACHE_LINE);
        try {
            System.setProperty(JettyStartup.REFERENCES_PER_CACHE_LINE, "3");
            JettyStartup.skipJmxProbe();
            assertEquals("3", System.getProperty(JettyStartup.REFERENCES_PER_CACHE_LINE));
        } finally {
            if (before == null) {
                System.clearProperty(JettyStartup.REFERENCES_PER_CACHE_LINE);
            } else {
                System.setProperty(JettyStartup.REFERENCES_PER_CACHE_LINE, before);
            }
        }
    }
}
