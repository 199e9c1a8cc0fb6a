using Gateway.Host.Telemetry;

namespace Gateway.Host.Tests.Telemetry;

public sealed class TelemetryOptionsValidatorTests
{
    private static string[] Errors(TelemetryOptions options) =>
        [.. new TelemetryOptionsValidator().Validate(null, options).Failures ?? []];

    [Fact]
    public void Validate_Defaults_AreValidAndServeOnLoopbackWithoutOtlp()
    {
        var options = new TelemetryOptions();
        Assert.Empty(Errors(options));
        Assert.Equal("http://127.0.0.1:9464/metrics", options.PrometheusUrl);
        Assert.Empty(options.Otlp.Endpoint);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9464/metrics")]
    [InlineData("http://127.0.0.2:9100/metrics")]
    [InlineData("http://localhost:9464/metrics")]
    [InlineData("http://[::1]:9464/metrics")]
    [InlineData("")]
    public void Validate_LoopbackOrOff_IsAccepted(string url) =>
        Assert.Empty(Errors(new TelemetryOptions { PrometheusUrl = url }));

    [Theory]
    [InlineData("http://0.0.0.0:9464/metrics")]
    [InlineData("http://[::]:9464/metrics")]
    [InlineData("http://10.1.2.3:9464/metrics")]
    [InlineData("http://booth-pc:9464/metrics")]
    public void Validate_NonLoopbackWithoutConsent_IsRefusedNamingTheKeys(string url)
    {
        var error = Assert.Single(Errors(new TelemetryOptions { PrometheusUrl = url }));
        Assert.Contains("Gateway:Telemetry:PrometheusUrl", error, StringComparison.Ordinal);
        Assert.Contains("Gateway:Telemetry:AllowRemote", error, StringComparison.Ordinal);
        Assert.Empty(Errors(new TelemetryOptions { PrometheusUrl = url, AllowRemote = true }));
    }

    [Theory]
    [InlineData("https://127.0.0.1:9464/metrics")]
    [InlineData("127.0.0.1:9464")]
    [InlineData("metrics")]
    public void Validate_NotAnHttpUrl_IsRefused(string url) =>
        Assert.Contains("Gateway:Telemetry:PrometheusUrl", Assert.Single(Errors(new TelemetryOptions { PrometheusUrl = url })), StringComparison.Ordinal);

    [Fact]
    public void Validate_OtlpSettings_AreChecked()
    {
        Assert.Empty(Errors(new TelemetryOptions { Otlp = new OtlpOptions { Endpoint = "http://collector:4318", Protocol = "http", Headers = "api-key=abc,tenant=post-7" } }));
        Assert.Contains("Otlp:Endpoint", Assert.Single(Errors(new TelemetryOptions { Otlp = new OtlpOptions { Endpoint = "collector:4317" } })), StringComparison.Ordinal);
        Assert.Contains("Otlp:Protocol", Assert.Single(Errors(new TelemetryOptions { Otlp = new OtlpOptions { Protocol = "udp" } })), StringComparison.Ordinal);
        Assert.Contains("Otlp:Headers", Assert.Single(Errors(new TelemetryOptions { Otlp = new OtlpOptions { Headers = "api-key" } })), StringComparison.Ordinal);
        Assert.Contains("Otlp:Interval", Assert.Single(Errors(new TelemetryOptions { Otlp = new OtlpOptions { Interval = TimeSpan.Zero } })), StringComparison.Ordinal);
    }
}
