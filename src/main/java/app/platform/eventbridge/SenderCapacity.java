package app.platform.eventbridge;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The room in the EventBridge sender: it holds at most {@code capacity} entries at once, from the moment one is taken
 * until its outcome is known. A caller that finds it full waits for room, up to a bound. Closed, it turns away the
 * callers to come and those still waiting; it is closed until opened.
 */
final class SenderCapacity {

    /** What a caller got: a place, none within its wait, or none because the sender is closed. */
    enum Room {
        TAKEN, FULL, CLOSED
    }

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int held;
    private boolean open;

    SenderCapacity(int capacity) {
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /** How many entries it holds now. */
    int held() {
        lock.lock();
        try {
            return held;
        }
        finally {
            lock.unlock();
        }
    }

    boolean isOpen() {
        lock.lock();
        try {
            return open;
        }
        finally {
            lock.unlock();
        }
    }

    /** Takes a place, waiting up to {@code timeout} for one. */
    Room take(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (open && held >= capacity) {
                if (nanos <= 0) {
                    return Room.FULL;
                }
                nanos = changed.awaitNanos(nanos);
            }
            if (!open) {
                return Room.CLOSED;
            }
            held++;
            return Room.TAKEN;
        }
        finally {
            lock.unlock();
        }
    }

    /** Gives a place back: its entry was sent, or failed. */
    void free() {
        lock.lock();
        try {
            held--;
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    void open() {
        lock.lock();
        try {
            open = true;
        }
        finally {
            lock.unlock();
        }
    }

    /** Turns away the callers to come and the waiting ones. */
    void close() {
        lock.lock();
        try {
            open = false;
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeout} until it holds nothing; whether it got there. */
    boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (held > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        }
        finally {
            lock.unlock();
        }
    }
}
