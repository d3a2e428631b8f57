package dev.activityhub.bootstrap.testing;

import java.io.InputStream;
import java.util.Arrays;

/** {@code size} spaces, produced as they are read: pads a request body past a limit without holding it in memory. */
public final class Spaces extends InputStream {
    private long left;

    public Spaces(long size) {
        this.left = size;
    }

    @Override
    public int read() {
        if (left <= 0) {
            return -1;
        }
        left--;
        return ' ';
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (left <= 0) {
            return -1;
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) ' ');
        left -= n;
        return n;
    }
}
