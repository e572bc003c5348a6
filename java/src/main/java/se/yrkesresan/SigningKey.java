package se.yrkesresan;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * An issuer's Ed25519 signing key, held inside the library (the secret is
 * wiped when it is closed). Thread-safe; close it when done.
 */
public final class SigningKey implements AutoCloseable {
    private final MemorySegment handle;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private SigningKey(MemorySegment handle) {
        this.handle = handle;
    }

    /** A key from its 32-byte RFC 8032 private key. */
    public static SigningKey fromSeed(byte[] seed) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(Math.max(1, seed.length));
            MemorySegment.copy(seed, 0, s, ValueLayout.JAVA_BYTE, 0, seed.length);
            long size = seed.length;
            MemorySegment h = Native.handle(arena, (out, err) -> (int) Native.H.KEY_FROM_SEED.invokeExact(s, size, out, err));
            s.fill((byte) 0);
            return new SigningKey(h);
        }
    }

    /** A key from a Multikey private key ("z3u2..."). */
    public static SigningKey fromMultibase(String privateKeyMultibase) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment k = Native.cString(arena, privateKeyMultibase);
            return new SigningKey(Native.handle(arena, (out, err) -> (int) Native.H.KEY_FROM_MULTIBASE.invokeExact(k, out, err)));
        }
    }

    /** The public key as a Multikey ("z6Mk..."), as a trusted-issuer list names it. */
    public String publicMultibase() {
        return use(k -> {
            try {
                return Native.borrowed((MemorySegment) Native.H.KEY_PUBLIC.invokeExact(k));
            } catch (Throwable t) {
                throw new IllegalStateException("yr_signing_key_public_multibase failed", t);
            }
        });
    }

    <T> T use(Function<MemorySegment, T> body) {
        lock.readLock().lock();
        try {
            if (closed) throw new IllegalStateException("the key is closed");
            return body.apply(handle);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            Native.H.KEY_FREE.invokeExact(handle);
        } catch (Throwable t) {
            throw new IllegalStateException("yr_signing_key_free failed", t);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
