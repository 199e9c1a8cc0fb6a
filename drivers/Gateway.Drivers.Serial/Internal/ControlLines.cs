using System.IO.Ports;

namespace Gateway.Drivers.Serial.Internal;

/// <summary>
/// Sets DTR and RTS after the port is open. A pseudo-terminal (socat, a test pair) has no modem lines and the ioctl
/// fails with IOException "Inappropriate ioctl for device", which would otherwise fail the whole open: the line is
/// skipped and reported instead. This is the only pseudo-terminal workaround the driver needs for opening.
/// </summary>
internal static class ControlLines
{
    public static IReadOnlyList<string> Set(SerialPort port, bool dtr, bool rts)
    {
        var skipped = new List<string>();
        if (dtr && !TrySet(() => port.DtrEnable = true))
        {
            skipped.Add("DTR");
        }

        // With an RTS handshake the driver owns RTS; setting it throws InvalidOperationException.
        if (rts && port.Handshake is (Handshake.None or Handshake.XOnXOff) && !TrySet(() => port.RtsEnable = true))
        {
            skipped.Add("RTS");
        }

        return skipped;
    }

    private static bool TrySet(Action set)
    {
        try
        {
            set();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
