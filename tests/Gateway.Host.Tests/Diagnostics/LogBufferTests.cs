using Gateway.Host.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Host.Tests.Diagnostics;

public sealed class LogBufferTests
{
    [Fact]
    public void Tail_KeepsTheMostRecentLinesUpToItsCapacity_FilteredByLevel()
    {
        using var buffer = new LogBuffer(10, new FakeTimeProvider());
        var logger = buffer.CreateLogger("Gateway.Test");
        for (var i = 0; i < 25; i++)
        {
            logger.Log(i % 5 == 0 ? LogLevel.Warning : LogLevel.Information, new EventId(i), "line {Number}", i);
        }

        var all = buffer.Tail(100, LogLevel.Trace);
        var warnings = buffer.Tail(100, LogLevel.Warning);
        var lastThree = buffer.Tail(3, LogLevel.Information);

        Assert.Equal(Enumerable.Range(15, 10).Select(i => $"line {i}"), all.Select(l => l.Message));
        Assert.Equal(["line 15", "line 20"], warnings.Select(l => l.Message));
        Assert.Equal(["line 22", "line 23", "line 24"], lastThree.Select(l => l.Message));
        Assert.All(all, l => Assert.Equal("Gateway.Test", l.Category));
    }

    [Fact]
    public async Task Watch_GivesTheTailThenEveryNewLine_AndAnExceptionByTypeAndMessage()
    {
        using var buffer = new LogBuffer(100, new FakeTimeProvider());
        var logger = buffer.CreateLogger("Gateway.Test");
        logger.LogInformation("before");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var (tail, live) = buffer.Watch(10, LogLevel.Information, stop.Token);
        logger.LogError(new InvalidOperationException("port gone"), "after");

        Assert.Equal(["before"], tail.Select(l => l.Message));
        var next = await live.ReadAsync(stop.Token);
        Assert.Equal("after", next.Message);
        Assert.Equal(LogLevel.Error, next.Level);
        Assert.Equal("InvalidOperationException: port gone", next.Exception);
    }
}
