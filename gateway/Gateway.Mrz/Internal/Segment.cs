namespace Gateway.Mrz.Internal;

/// <summary>A run of characters on one line (0-based), as covered by a check digit.</summary>
internal readonly record struct Segment(int Line, int Column, int Length);
