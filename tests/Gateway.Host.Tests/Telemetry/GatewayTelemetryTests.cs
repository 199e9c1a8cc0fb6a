using System.Diagnostics.Metrics;
using Gateway.Contracts.V1;
using Gateway.Host.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Host.Tests.Telemetry;

public sealed class GatewayTelemetryTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly GatewayTelemetry _telemetry;
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measured = [];

    public GatewayTelemetryTests()
    {
        _telemetry = new GatewayTelemetry(_services.GetRequiredService<IMeterFactory>());
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _telemetry.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measured.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Theory]
    [InlineData("mrz.check_digit.date_of_birth", "mrz.check_digit.date_of_birth")]
    [InlineData("bcbp.signature_trusted", "bcbp.signature_trusted")]
    [InlineData("verifier.MrzVerifier", "verifier.MrzVerifier")]
    [InlineData("ERIKSSON ANNA MARIA", "other")]
    [InlineData("L898902C3", "other")]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA", "other")]
    [InlineData("", "other")]
    public void CodeLabel_KeepsCodes_CountsAnythingElseAsOther(string name, string label) =>
        Assert.Equal(label, _telemetry.CodeLabel(name));

    [Fact]
    public void CodeLabel_AfterTheCap_NewNamesAreOther()
    {
        for (var i = 0; i < 300; i++)
        {
            _telemetry.CodeLabel($"driver.check_{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}");
        }

        Assert.Equal("other", _telemetry.CodeLabel("driver.one_more"));
        Assert.Equal("driver.check_aa", _telemetry.CodeLabel("driver.check_aa"));
    }

    [Fact]
    public void Published_RejectedDocument_CountsItsOutcomeAndEachFailedCheck()
    {
        var capture = new Capture
        {
            DeviceId = "reader-1",
            Kind = CaptureKind.Document,
            Checks =
            {
                new VerificationCheck { Name = "mrz.structure", Outcome = CheckOutcome.Passed },
                new VerificationCheck { Name = "mrz.check_digit.date_of_birth", Outcome = CheckOutcome.Failed, Detail = "line 2, column 20: expected 4, found 5" },
            },
        };

        _telemetry.Published(capture, journaled: false);

        var counted = Assert.Single(_measured, m => m.Instrument == "gateway.captures");
        Assert.Equal(new Dictionary<string, object?> { ["kind"] = "document", ["outcome"] = "rejected", ["device"] = "reader-1" }, counted.Tags);
        var failed = Assert.Single(_measured, m => m.Instrument == "gateway.capture.check_failures");
        Assert.Equal(new Dictionary<string, object?> { ["check"] = "mrz.check_digit.date_of_birth", ["kind"] = "document" }, failed.Tags);
        Assert.Single(_measured, m => m.Instrument == "gateway.journal.write_failures");
    }

    [Fact]
    public void Published_Record_HasNoDeviceLabel()
    {
        _telemetry.Published(new Capture { DeviceId = "booth-7", Kind = CaptureKind.Record, Verified = true }, journaled: true);

        var counted = Assert.Single(_measured, m => m.Instrument == "gateway.captures");
        Assert.Equal(new Dictionary<string, object?> { ["kind"] = "record", ["outcome"] = "verified" }, counted.Tags);
    }

    [Theory]
    [InlineData(true, CheckOutcome.Passed, "verified")]
    [InlineData(false, CheckOutcome.Failed, "rejected")]
    [InlineData(false, CheckOutcome.NotApplicable, "not_verified")]
    public void Outcome_FollowsVerifiedAndFailedChecks(bool verified, CheckOutcome check, string outcome) =>
        Assert.Equal(outcome, GatewayTelemetry.Outcome(new Capture { Verified = verified, Checks = { new VerificationCheck { Name = "x", Outcome = check } } }));

    [Fact]
    public void StatusName_IsTheProtocolNameOfEveryStatus()
    {
        // The names of the gRPC status codes as the protocol spells them (grpc/grpc doc/statuscodes.md).
        string[] names =
        [
            "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
            "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
            "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
        ];
        Assert.Equal(names, Enumerable.Range(0, names.Length).Select(code => GatewayTelemetry.StatusName((global::Grpc.Core.StatusCode)code)));
    }
}
