namespace Gateway.Barcodes.Tests.Seals;

/// <summary>A clock stopped at noon UTC of one day, so tests never depend on today.</summary>
internal sealed class FixedTime(int year, int month, int day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(year, month, day, 12, 0, 0, TimeSpan.Zero);
}
