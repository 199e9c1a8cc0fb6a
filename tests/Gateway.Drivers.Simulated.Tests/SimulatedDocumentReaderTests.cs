using Microsoft.Extensions.Configuration;
using Gateway.Drivers.Simulated.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Drivers.Simulated.Tests;

public sealed class SimulatedDocumentReaderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RunAsync_PublishesADocumentEveryInterval()
    {
        await using var reader = new SimulatedDocumentReader("reader-1", new() { IntervalSeconds = 5, Seed = 7 });
        var context = new RecordingContext(_time);
        using var stop = new CancellationTokenSource();
        var run = reader.RunAsync(context, stop.Token);

        Assert.False(context.Published.Reader.TryRead(out _));
        _time.Advance(TimeSpan.FromSeconds(5));
        var first = await context.Published.Reader.ReadAsync();
        _time.Advance(TimeSpan.FromSeconds(5));
        var second = await context.Published.Reader.ReadAsync();

        var document = Assert.IsType<DocumentPayload>(first.Payload);
        Assert.True(Gateway.Mrz.MrzParser.Parse(document.MrzLines, new() { ReferenceDate = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime) }).Valid);
        Assert.NotEqual(((DocumentPayload)first.Payload).MrzLines, ((DocumentPayload)second.Payload).MrzLines);
        Assert.Equal(_time.GetUtcNow(), second.CapturedAt);
        Assert.Equal(DeviceState.Ready, context.States[0]);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task CaptureAsync_AfterFailAfterCaptures_ThrowsATransientDeviceException()
    {
        await using var reader = new SimulatedDocumentReader("reader-1", new() { IntervalSeconds = 0, FailAfterCaptures = 2 });
        using var stop = new CancellationTokenSource();
        var run = reader.RunAsync(new RecordingContext(_time), stop.Token);

        await reader.CaptureAsync(CaptureKind.Document, CancellationToken.None);
        await reader.CaptureAsync(CaptureKind.Document, CancellationToken.None);
        var error = await Assert.ThrowsAsync<DeviceException>(() => reader.CaptureAsync(CaptureKind.Document, CancellationToken.None));

        Assert.Equal("simulated.injected_fault", error.Code);
        Assert.True(error.IsTransient);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task CaptureAsync_OtherKind_IsRefused()
    {
        await using var reader = new SimulatedDocumentReader("reader-1", new() { IntervalSeconds = 0 });
        using var stop = new CancellationTokenSource();
        var run = reader.RunAsync(new RecordingContext(_time), stop.Token);

        var error = await Assert.ThrowsAsync<DeviceException>(() => reader.CaptureAsync(CaptureKind.Portrait, CancellationToken.None));

        Assert.False(error.IsTransient);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public void Validate_NegativeInterval_NamesTheKey()
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("Settings:IntervalSeconds", "-1")])
            .Build().GetSection("Settings");

        var error = Assert.Single(new SimulatedDocumentReaderFactory().Validate(settings));

        Assert.Equal("Settings:IntervalSeconds", error.Key);
    }
}
