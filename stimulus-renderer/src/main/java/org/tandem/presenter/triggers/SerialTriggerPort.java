package org.tandem.presenter.triggers;

import com.fazecast.jSerialComm.SerialPort;
import org.tandem.protocols.TandemException;

/**
 * Trigger bytes on a serial port (an EEG/eye-tracker trigger box, a USB-serial adapter), through jSerialComm: 8 data
 * bits, no parity, one stop bit, no flow control, blocking writes. One preallocated byte, so sending allocates nothing.
 */
public final class SerialTriggerPort implements TriggerPort {
    private final SerialPort port;
    private final String name;
    private final int baud;
    private final byte[] buffer = new byte[1];

    private SerialTriggerPort(SerialPort port, String name, int baud) {
        this.port = port;
        this.name = name;
        this.baud = baud;
    }

    /**
     * @throws TandemException when the port cannot be opened
     */
    public static SerialTriggerPort open(String name, int baud) {
        if (baud <= 0) {
            throw new TandemException("--trigger-baud must be positive, got " + baud);
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(name);
        } catch (RuntimeException e) {
            throw new TandemException("trigger port " + name + " does not exist (" + e.getMessage() + "); give the"
                    + " device path, e.g. /dev/ttyUSB0", e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 1000);
        if (!port.openPort()) {
            throw new TandemException("cannot open trigger port " + name + " (error " + port.getLastErrorCode()
                    + "); check the device path and that this account may use it (e.g. the dialout group)");
        }
        return new SerialTriggerPort(port, name, baud);
    }

    @Override
    public void send(int code) {
        buffer[0] = (byte) code;
        if (port.writeBytes(buffer, 1) != 1) {
            throw new TandemException("trigger port " + name + " took no byte (error " + port.getLastErrorCode()
                    + "); check its cable and device");
        }
    }

    @Override
    public String describe() {
        return name + " at " + baud + " baud";
    }

    @Override
    public void close() {
        port.closePort();
    }
}
