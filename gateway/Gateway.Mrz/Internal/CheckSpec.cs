namespace Gateway.Mrz.Internal;

/// <summary>A check digit of a layout: the characters it covers and where it is printed (0-based).</summary>
internal sealed record CheckSpec(MrzCheckName Name, Segment[] Covered, int Line, int Column);
