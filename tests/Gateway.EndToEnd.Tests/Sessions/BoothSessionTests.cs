using Gateway.Contracts.V1;
using Gateway.Drivers;
using Gateway.Mrz;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Capture = Gateway.Contracts.V1.Capture;
using CaptureKind = Gateway.Contracts.V1.CaptureKind;
using BarcodePayload = Gateway.Drivers.BarcodePayload;
using CheckOutcome = Gateway.Contracts.V1.CheckOutcome;
using DeviceState = Gateway.Contracts.V1.DeviceState;
using MrzFormat = Gateway.Mrz.MrzFormat;

namespace Gateway.EndToEnd.Tests.Sessions;

/// <summary>Booth sessions over a real loopback gRPC connection: a scripted reader, the simulated camera and scanner.</summary>
public sealed class BoothSessionTests : IAsyncLifetime
{
    private readonly ScriptedReaderFactory _reader = new();
    private RunningGateway _gateway = null!;

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private SessionService.SessionServiceClient Sessions => new(_gateway.Channel);

    public async Task InitializeAsync() => _gateway = await Start("00:00:30");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private Task<RunningGateway> Start(string grace) => RunningGateway.StartAsync(
        [
            RunningGateway.Device("doc-1", "scripted-document", new { }),
            RunningGateway.Device("camera-1", "simulated-camera"),
            RunningGateway.Device("fingers-1", "simulated-fingerprint"),
        ],
        builder => builder.Services.AddSingleton<IDriverFactory>(_reader),
        "--Gateway:Sessions:ReconnectGrace", grace);

    /// <summary>A generated passport of the specimen state; the traveller is <paramref name="age"/> years old today.</summary>
    private static DocumentPayload Passport(int age = 34, string surname = "ERIKSSON", bool corrupt = false)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var mrz = MrzGenerator.Generate(new MrzData
        {
            Format = MrzFormat.Td3,
            DocumentCode = "P",
            IssuingState = "UTO",
            Surname = surname,
            GivenNames = "ANNA MARIA",
            DocumentNumber = "L898902C3",
            Nationality = "UTO",
            DateOfBirth = today.AddYears(-age).AddDays(-10),
            Sex = MrzSex.Female,
            DateOfExpiry = today.AddYears(5),
        }).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (corrupt)
        {
            // The birth date's check digit, changed.
            var line = mrz[1].ToCharArray();
            line[19] = line[19] == '0' ? '1' : '0';
            mrz[1] = new string(line);
        }

        return new DocumentPayload(mrz);
    }

    private static BarcodePayload BoardingPass(string passenger) =>
        new("AZTEC", System.Text.Encoding.ASCII.GetBytes($"M1{passenger,-20}EABC123 YULFRAAC 0834 326J001A0025 100"));

    /// <summary>Reads events until one matches, failing on the session's end with the events seen.</summary>
    private static async Task<SessionEvent> Until(AsyncDuplexStreamingCall<SessionCommand, SessionEvent> call, Func<SessionEvent, bool> match)
    {
        var seen = new List<string>();
        try
        {
            while (await call.ResponseStream.MoveNext(Timeout))
            {
                if (match(call.ResponseStream.Current))
                {
                    return call.ResponseStream.Current;
                }

                seen.Add(call.ResponseStream.Current.EventCase + " " + call.ResponseStream.Current.Step?.Step + call.ResponseStream.Current.Notice?.Code);
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
            throw new TimeoutException("No matching session event; seen: " + string.Join(", ", seen), ex);
        }

        throw new InvalidOperationException("The session stream ended; seen: " + string.Join(", ", seen));
    }

    private static Task<SessionEvent> UntilStep(AsyncDuplexStreamingCall<SessionCommand, SessionEvent> call, SessionStep step) =>
        Until(call, e => e.Step?.Step == step);

    private async Task<TravellerRecord> RunFullSession(CapturePayload document, params CapturePayload[] extras)
    {
        using var call = Sessions.RunSession(cancellationToken: Timeout);
        await call.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { BoothId = "booth-7" } });
        var started = await Until(call, e => e.Started is not null);
        Assert.Equal(["doc-1", "camera-1", "fingers-1"], started.Started.DeviceIds);
        var first = await UntilStep(call, SessionStep.Document);
        Assert.Equal("session.prompt.document", first.Step.PromptCode);

        foreach (var extra in extras)
        {
            await _reader.Feed.Writer.WriteAsync(extra);
            await Until(call, e => e.Attached?.Capture.PayloadCase == Capture.PayloadOneofCase.Barcode);
        }

        await _reader.Feed.Writer.WriteAsync(document);
        await UntilStep(call, SessionStep.Portrait);
        await call.RequestStream.WriteAsync(new SessionCommand { Capture = new CaptureStep { Step = SessionStep.Portrait } });
        await UntilStep(call, SessionStep.Fingerprints);
        await call.RequestStream.WriteAsync(new SessionCommand { Capture = new CaptureStep() });
        var review = await UntilStep(call, SessionStep.Review);
        Assert.Equal([SessionStep.Document, SessionStep.Portrait, SessionStep.Fingerprints], review.Step.Done);
        await call.RequestStream.WriteAsync(new SessionCommand { Complete = new CompleteSession() });
        var completed = await Until(call, e => e.Completed is not null);
        Assert.False(await call.ResponseStream.MoveNext(Timeout), "The session's stream ends with its record.");
        return completed.Completed;
    }

    [Fact]
    public async Task FullSession_ValidPassport_GivesAVerifiedRecordOnTheSessionAndTheCaptureStream()
    {
        using var watch = new CaptureService.CaptureServiceClient(_gateway.Channel).WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);

        var record = await RunFullSession(Passport());

        Assert.True(record.Verified, string.Join("; ", record.Reasons));
        Assert.Empty(record.Reasons);
        Assert.Equal("booth-7", record.BoothId);
        Assert.Equal("L898902C3", record.Document.Fields.DocumentNumber);
        Assert.NotNull(record.Portrait);
        Assert.NotNull(record.Fingerprints);
        Assert.Equal(3, record.CaptureIds.Count);
        Assert.Contains(record.Checks, c => c.Name == "document.mrz.structure" && c.Outcome == CheckOutcome.Passed);
        Assert.False(record.Flags.Minor);
        Assert.Equal(34, record.Flags.Age);
        Capture streamed;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(Timeout));
            streamed = watch.ResponseStream.Current;
        }
        while (streamed.Kind != CaptureKind.Record);
        Assert.Equal(record.Id, streamed.Record.Id);
        Assert.Equal("booth-7", streamed.DeviceId);
        Assert.True(streamed.Verified);
        var fetched = await Sessions.GetRecordAsync(new GetRecordRequest { RecordId = record.Id }, cancellationToken: Timeout);
        Assert.Equal(record, fetched);
    }

    [Fact]
    public async Task FullSession_WrongCheckDigit_RecordIsNotVerifiedAndSaysWhy()
    {
        var record = await RunFullSession(Passport(corrupt: true));

        Assert.False(record.Verified);
        Assert.Contains("document.mrz.check_digit.date_of_birth", record.Flags.FailedChecks);
        Assert.Contains(record.Reasons, r => r.Contains("document.mrz.check_digit.date_of_birth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullSession_BoardingPassOfSomeoneElse_DisagreementIsReported()
    {
        var record = await RunFullSession(Passport(), BoardingPass("SMITH/JOHN"));

        var surname = Assert.Single(record.Comparisons, c => c.Field == "surname" && c.OtherSource == "barcode.bcbp");
        Assert.False(surname.Agree);
        Assert.Equal("ERIKSSON", surname.Value);
        Assert.Equal("SMITH", surname.OtherValue);
        Assert.False(record.Verified);
        Assert.Contains(record.Reasons, r => r.Contains("surname", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullSession_BoardingPassOfTheTraveller_Agrees()
    {
        var record = await RunFullSession(Passport(), BoardingPass("ERIKSSON/ANNA MARIA"));

        Assert.True(Assert.Single(record.Comparisons, c => c.OtherSource == "barcode.bcbp").Agree);
        Assert.True(record.Verified, string.Join("; ", record.Reasons));
    }

    [Fact]
    public async Task FullSession_Minor_IsFlagged()
    {
        var record = await RunFullSession(Passport(age: 12));

        Assert.True(record.Flags.Minor);
        Assert.Equal(12, record.Flags.Age);
        Assert.True(record.Verified, "a minor is a flag, not a failure");
    }

    [Fact]
    public async Task SecondBooth_ClaimedDevice_IsRefusedWithTheHolder()
    {
        using var first = Sessions.RunSession(cancellationToken: Timeout);
        await first.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { BoothId = "booth-a", DeviceIds = { "doc-1", "camera-1" } } });
        await Until(first, e => e.Started is not null);

        using var second = Sessions.RunSession(cancellationToken: Timeout);
        await second.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { BoothId = "booth-b", DeviceIds = { "camera-1" } } });
        var refused = await Assert.ThrowsAsync<RpcException>(() => second.ResponseStream.MoveNext(Timeout));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("booth-a", refused.Status.Detail, StringComparison.Ordinal);

        var trigger = await Assert.ThrowsAsync<RpcException>(async () => await new CaptureService.CaptureServiceClient(_gateway.Channel)
            .TriggerCaptureAsync(new TriggerCaptureRequest { DeviceId = "camera-1" }, cancellationToken: Timeout));
        Assert.Equal(StatusCode.FailedPrecondition, trigger.StatusCode);

        // The unclaimed scanner is free for another booth.
        using var third = Sessions.RunSession(cancellationToken: Timeout);
        await third.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { BoothId = "booth-c", DeviceIds = { "fingers-1" } } });
        await Until(third, e => e.Started is not null);
    }

    [Fact]
    public async Task ClientCrash_ReconnectWithinGrace_ContinuesTheSession()
    {
        string sessionId;
        using (var crashing = Sessions.RunSession(cancellationToken: Timeout))
        {
            await crashing.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { BoothId = "booth-7" } });
            sessionId = (await Until(crashing, e => e.Started is not null)).SessionId;
            await _reader.Feed.Writer.WriteAsync(Passport());
            await UntilStep(crashing, SessionStep.Portrait);
        }

        // Disposing the call without completing is what a crashed client looks like to the gateway.
        using var resumed = Sessions.RunSession(cancellationToken: Timeout);
        await resumed.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { ResumeSessionId = sessionId } });
        var started = await Until(resumed, e => e.Started is not null);
        Assert.True(started.Started.Resumed);
        Assert.Equal(sessionId, started.SessionId);
        var step = await UntilStep(resumed, SessionStep.Portrait);
        Assert.Contains(SessionStep.Document, step.Step.Done);
        await resumed.RequestStream.WriteAsync(new SessionCommand { Complete = new CompleteSession() });
        var record = (await Until(resumed, e => e.Completed is not null)).Completed;
        Assert.Equal("L898902C3", record.Document.Fields.DocumentNumber);
        Assert.Contains(SessionStep.Portrait, record.Flags.MissingSteps);
    }

    [Fact]
    public async Task ClientCrash_NoReconnectWithinGrace_ReleasesTheClaims()
    {
        await using var gateway = await Start("00:00:00.200");
        var sessions = new SessionService.SessionServiceClient(gateway.Channel);
        string sessionId;
        using (var crashing = sessions.RunSession(cancellationToken: Timeout))
        {
            await crashing.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { BoothId = "booth-a", DeviceIds = { "camera-1" } } });
            sessionId = (await Until(crashing, e => e.Started is not null)).SessionId;
        }

        // Another booth gets the camera once the grace period is over.
        var devices = new DeviceService.DeviceServiceClient(gateway.Channel);
        var camera = await devices.GetDeviceAsync(new GetDeviceRequest { DeviceId = "camera-1" }, cancellationToken: Timeout);
        Assert.Equal(DeviceState.Ready, camera.State);
        SessionEvent? started = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (started is null && DateTime.UtcNow < deadline)
        {
            using var next = sessions.RunSession(cancellationToken: Timeout);
            await next.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { BoothId = "booth-b", DeviceIds = { "camera-1" } } });
            try
            {
                started = await Until(next, e => e.Started is not null);
                await next.RequestStream.WriteAsync(new SessionCommand { Abandon = new AbandonSession() });
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
            {
                await Task.Delay(50);
            }
        }

        Assert.NotNull(started);
        using var late = sessions.RunSession(cancellationToken: Timeout);
        await late.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { ResumeSessionId = sessionId } });
        var gone = await Assert.ThrowsAsync<RpcException>(() => late.ResponseStream.MoveNext(Timeout));
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
    }
}
