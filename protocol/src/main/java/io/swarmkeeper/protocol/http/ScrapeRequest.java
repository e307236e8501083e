package io.swarmkeeper.protocol.http;

/**
 * The info-hashes of one scrape, kept sorted in raw-byte order and without repeats, because the
 * reply's {@code files} dictionary must list its keys that way. Reused per event loop.
 */
public final class ScrapeRequest {
    public final long[] high;
    public final long[] middle;
    public final int[] low;
    public int count;

    public ScrapeRequest(int maxHashes) {
        high = new long[maxHashes];
        middle = new long[maxHashes];
        low = new int[maxHashes];
    }

    public int capacity() {
        return high.length;
    }

    public void clear() {
        count = 0;
    }

    /**
     * Inserts a hash in order (an insertion sort: scrapes name a few dozen hashes at most).
     *
     * @return false if the request is full and the hash is new
     */
    public boolean add(long h, long m, int l) {
        int i = count;
        while (i > 0) {
            int c = compare(high[i - 1], middle[i - 1], low[i - 1], h, m, l);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                break;
            }
            i--;
        }
        if (count == high.length) {
            return false;
        }
        System.arraycopy(high, i, high, i + 1, count - i);
        System.arraycopy(middle, i, middle, i + 1, count - i);
        System.arraycopy(low, i, low, i + 1, count - i);
        high[i] = h;
        middle[i] = m;
        low[i] = l;
        count++;
        return true;
    }

    /** Raw-byte order of two hashes given as their big-endian primitives. */
    public static int compare(long h1, long m1, int l1, long h2, long m2, int l2) {
        int c = Long.compareUnsigned(h1, h2);
        if (c == 0) {
            c = Long.compareUnsigned(m1, m2);
        }
        return c == 0 ? Integer.compareUnsigned(l1, l2) : c;
    }
}
