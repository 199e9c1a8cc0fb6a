using System.Text;
using Gateway.Drivers.Serial.Framing;

namespace Gateway.Drivers.Serial.Internal;

/// <summary>Where the byte stream stands when a parser is asked to look at the unconsumed bytes.</summary>
internal enum StreamState
{
    /// <summary>More bytes may come.</summary>
    Open,

    /// <summary>No byte came for the profile's inter-byte timeout.</summary>
    Paused,

    /// <summary>The stream has ended (port closed or gone).</summary>
    Ended,
}

/// <summary>
/// A frame parser over the unconsumed bytes (the pipelines pattern: look at everything, consume a frame only when it
/// is complete). <see cref="Parse"/> returns how many bytes to consume and, possibly, what they were; 0 and no event
/// means "wait for more". When the stream is paused or ended, a parser always makes progress.
/// </summary>
internal abstract class FrameParser(FrameProfile profile)
{
    protected const byte Cr = 0x0D;
    protected const byte Lf = 0x0A;

    protected FrameProfile Profile { get; } = profile;

    /// <summary>Dropping the rest of a broken frame; the frame reader keeps its inter-byte timer running meanwhile.</summary>
    public bool Resyncing { get; protected set; }

    /// <summary>The most bytes a parser needs to see at once to decide.</summary>
    public int Window => Profile.MaxFrameLength + 1;

    public abstract int Parse(ReadOnlySpan<byte> window, long offset, StreamState state, out FrameEvent? found);

    public static FrameParser For(FrameProfile profile) =>
        profile.Layout == FrameLayout.Lines ? new LineFrameParser(profile) : new SentinelFrameParser(profile);

    protected static bool IsText(byte b) => b is >= 0x20 and <= 0x7E;

    protected static string Pause(FrameProfile profile) => $"{profile.InterByteTimeout.TotalMilliseconds:0} ms";

    /// <summary>The MRZ lines of a frame's data: split at CR, LF or CR LF, padding removed, empty lines dropped.</summary>
    protected IReadOnlyList<string> Lines(ReadOnlySpan<byte> data)
    {
        var padding = Profile.Padding.ToCharArray();
        return Encoding.ASCII.GetString(data)
            .Split(['\r', '\n'])
            .Select(line => padding.Length == 0 ? line : line.TrimEnd(padding))
            .Where(line => line.Length > 0)
            .ToArray();
    }

    /// <summary>A barcode frame, its AIM symbology identifier split off when the data starts with one.</summary>
    protected static Frame Barcode(long offset, ReadOnlySpan<byte> data)
    {
        var copy = data.ToArray();
        var hasAim = copy.Length >= 3 && copy[0] == (byte)']' && IsText(copy[1]) && IsText(copy[2]);
        return new Frame(offset, FrameContent.Barcode, copy)
        {
            AimIdentifier = hasAim ? Encoding.ASCII.GetString(copy, 0, 3) : null,
            Payload = hasAim ? copy.AsMemory(3) : copy,
        };
    }
}
