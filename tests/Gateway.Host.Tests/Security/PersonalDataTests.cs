using Gateway.Host.Security;
using Microsoft.Extensions.Logging;

namespace Gateway.Host.Tests.Security;

public sealed partial class PersonalDataTests
{
    [Theory]
    [InlineData("L898902C3", "L89****C3")]
    [InlineData("ERIKSSON", "ERI****ON")]
    [InlineData("ANNA", "****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Mask_KeepsOnlyTheEndsOfLongValues(string? value, string masked) =>
        Assert.Equal(masked, PersonalData.Mask(value));

    [Fact]
    public void AsALogField_IsWrittenMaskedWhateverTheSink()
    {
        var sink = new Sink();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(sink));

        DocumentRead(factory.CreateLogger("test"), new PersonalData("L898902C3"));

        Assert.Equal("Document L89****C3 read", Assert.Single(sink.Messages));
        Assert.DoesNotContain("L898902C3", sink.Values, StringComparison.Ordinal);
    }

    [LoggerMessage(1, LogLevel.Trace, "Document {Number} read")]
    private static partial void DocumentRead(ILogger logger, PersonalData number);

    private sealed class Sink : ILoggerProvider, ILogger
    {
        public List<string> Messages { get; } = [];

        public string Values { get; private set; } = string.Empty;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Messages.Add(formatter(state, exception));
            // What a structured sink would write for each field.
            Values += string.Join(' ', (state as IEnumerable<KeyValuePair<string, object?>> ?? []).Select(kv => kv.Value?.ToString()));
        }

        public void Dispose()
        {
        }
    }
}
