using Gateway.Imaging;

namespace Gateway.Drivers.Camera.Internal;

/// <summary>A grabbed frame, its number since the source opened (from 1), and when it was grabbed.</summary>
internal sealed record TimedFrame(Frame Frame, long Number, DateTimeOffset GrabbedAt);

/// <summary>Why the pump stopped.</summary>
internal enum PumpEnd
{
    /// <summary>Asked to stop.</summary>
    Stopped = 1,

    /// <summary>A file or image sequence played out.</summary>
    Ended = 2,

    /// <summary>The camera or stream stopped delivering (unplugged, network).</summary>
    Lost = 3,
}

/// <summary>Why the pump stopped, and the detail for a lost source.</summary>
internal sealed record PumpResult(PumpEnd End, string Reason);
