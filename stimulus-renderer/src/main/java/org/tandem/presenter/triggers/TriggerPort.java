package org.tandem.presenter.triggers;

/** Where trigger bytes go: a serial port, or nowhere. */
public interface TriggerPort extends AutoCloseable {
    TriggerPort NONE = new TriggerPort() {
        @Override
        public void send(int code) {
        }

        @Override
        public String describe() {
            return "none";
        }

        @Override
        public void close() {
        }
    };

    /** Writes one byte and returns once it has been handed to the port. */
    void send(int code);

    /** E.g. {@code /dev/ttyUSB0 at 115200 baud}, stored with the session. */
    String describe();

    @Override
    void close();
}
