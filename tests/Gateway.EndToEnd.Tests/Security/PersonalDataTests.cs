using System.Text;
using Gateway.Contracts.V1;
using Gateway.Drivers;
using Gateway.EndToEnd.Tests.Sessions;
using Gateway.Mrz;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Capture = Gateway.Contracts.V1.Capture;
using CaptureKind = Gateway.Contracts.V1.CaptureKind;
using MrzFormat = Gateway.Mrz.MrzFormat;

namespace Gateway.EndToEnd.Tests.Security;

/// <summary>
/// A whole traveller session through the real gateway with every log category at Trace: none of the traveller's
/// personal values may reach the log, and none may be found in the clear in the gateway's data folder.
/// </summary>
public sealed class PersonalDataTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task FullSessionAtTrace_LogAndDataFolderHoldNoneOfTheTravellersPersonalData()
    {
        var log = new CapturedLog();
        var reader = new ScriptedReaderFactory();
        await using var gateway = await RunningGateway.StartAsync(
            [
                RunningGateway.Device("doc-1", "scripted-document", new { }),
                RunningGateway.Device("camera-1", "simulated-camera"),
                RunningGateway.Device("fingers-1", "simulated-fingerprint"),
            ],
            builder =>
            {
                builder.Services.AddSingleton<IDriverFactory>(reader);
                builder.Logging.AddProvider(log);
            },
            "--Logging:LogLevel:Default", "Trace",
            "--Logging:LogLevel:Microsoft", "Trace",
            "--Logging:LogLevel:Microsoft.AspNetCore", "Trace",
            "--Logging:LogLevel:Grpc", "Trace");
        var birth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-41).AddDays(-17);
        var mrz = MrzGenerator.Generate(new MrzData
        {
            Format = MrzFormat.Td3,
            DocumentCode = "P",
            IssuingState = "UTO",
            Surname = "ERIKSSON",
            GivenNames = "ANNA MARIA",
            DocumentNumber = "L898902C3",
            Nationality = "UTO",
            DateOfBirth = birth,
            Sex = MrzSex.Female,
            DateOfExpiry = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(5),
        }).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var captures = new CaptureService.CaptureServiceClient(gateway.Channel);
        using var watch = captures.WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);

        var record = await RunSession(gateway, reader, new DocumentPayload(mrz));
        var streamed = new List<Capture>();
        while (streamed.Count == 0 || streamed[^1].Kind != CaptureKind.Record)
        {
            Assert.True(await watch.ResponseStream.MoveNext(Timeout));
            streamed.Add(watch.ResponseStream.Current);
        }

        await captures.AcknowledgeAsync(new AcknowledgeRequest { CaptureIds = { streamed.Take(2).Select(c => c.Id) } }, cancellationToken: Timeout);
        var fetched = await new SessionService.SessionServiceClient(gateway.Channel).GetRecordAsync(new GetRecordRequest { RecordId = record.Id }, cancellationToken: Timeout);
        Assert.Equal(record, fetched);

        // The values as the traveller's record carries them, and as the document printed them.
        var fields = record.Document.Fields;
        Assert.Equal("ERIKSSON", fields.Surname);
        string[] personal =
        [
            fields.Surname, fields.GivenNames, fields.DocumentNumber, fields.BirthDate, mrz[0], mrz[1],
            birth.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture) + mrz[1][19],
            .. ImageFragments(record.Portrait.Image.Data.ToByteArray()),
        ];
        Assert.True(log.Count > 100, $"only {log.Count} log entries: Trace logging is not on");
        var text = log.Text;
        foreach (var value in personal)
        {
            Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"the log holds '{value}'");
        }

        var files = Directory.GetFiles(gateway.DataFolder, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => Path.GetFileName(f) == "captures.db");
        // The lock file is empty and held open by the gateway.
        foreach (var file in files.Where(f => Path.GetFileName(f) != "captures.lock"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var value in new[] { fields.Surname, fields.GivenNames, fields.DocumentNumber, mrz[0], mrz[1] })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) < 0, $"{Path.GetFileName(file)} holds '{value}' in the clear");
            }
        }
    }

    /// <summary>Base64 of a stretch of the image at each alignment, as a log that dumped the bytes would show them.</summary>
    private static IEnumerable<string> ImageFragments(byte[] image) =>
        Enumerable.Range(0, 3).Select(offset => Convert.ToBase64String(image, image.Length / 2 + offset, 48));

    private static async Task<TravellerRecord> RunSession(RunningGateway gateway, ScriptedReaderFactory reader, DocumentPayload document)
    {
        using var call = new SessionService.SessionServiceClient(gateway.Channel).RunSession(cancellationToken: Timeout);
        await call.RequestStream.WriteAsync(new SessionCommand { Start = new StartSession { BoothId = "booth-7" } });
        await Until(call, e => e.Step?.Step == SessionStep.Document);
        await reader.Feed.Writer.WriteAsync(document);
        await Until(call, e => e.Step?.Step == SessionStep.Portrait);
        await call.RequestStream.WriteAsync(new SessionCommand { Capture = new CaptureStep { Step = SessionStep.Portrait } });
        await Until(call, e => e.Step?.Step == SessionStep.Fingerprints);
        await call.RequestStream.WriteAsync(new SessionCommand { Capture = new CaptureStep() });
        await Until(call, e => e.Step?.Step == SessionStep.Review);
        await call.RequestStream.WriteAsync(new SessionCommand { Complete = new CompleteSession() });
        return (await Until(call, e => e.Completed is not null)).Completed;
    }

    private static async Task<SessionEvent> Until(AsyncDuplexStreamingCall<SessionCommand, SessionEvent> call, Func<SessionEvent, bool> match)
    {
        while (await call.ResponseStream.MoveNext(Timeout))
        {
            if (match(call.ResponseStream.Current))
            {
                return call.ResponseStream.Current;
            }
        }

        throw new InvalidOperationException("The session ended before the awaited event.");
    }
}
