using Gateway.Contracts.V1;
using Gateway.MrzOcr.TestMedia;

namespace Gateway.EndToEnd.Tests.Pages;

/// <summary>
/// The real gateway with the hot-folder driver: a page a scanner's tool saves into the folder arrives over loopback gRPC
/// as a document capture whose MRZ the gateway's page pipeline read (the driver itself reads nothing).
/// </summary>
public sealed class PageFolderTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;

    [Fact]
    public async Task WatchCaptures_PageSavedIntoTheFolder_ArrivesWithTheMrzReadFromThePage()
    {
        var folder = Directory.CreateTempSubdirectory("gateway-page-folder-");
        try
        {
            await using var gateway = await RunningGateway.StartAsync(
                [RunningGateway.Device("scanner-1", "page-folder", new { Path = folder.FullName })]);
            var client = new CaptureService.CaptureServiceClient(gateway.Channel);
            using var watch = client.WatchCaptures(new WatchCapturesRequest(), cancellationToken: Timeout);
            var page = MrzSets.Evaluation(12).First(s => s.Name == "006-Td3-page");

            // Written under a name the driver ignores, then renamed in, as scanning tools do.
            var partial = Path.Combine(folder.FullName, "scan-1.part");
            await File.WriteAllBytesAsync(partial, page.Image);
            File.Move(partial, Path.Combine(folder.FullName, $"scan-1.{page.Extension}"));

            Assert.True(await watch.ResponseStream.MoveNext(Timeout));
            var capture = watch.ResponseStream.Current;
            Assert.Equal("scanner-1", capture.DeviceId);
            var document = capture.Document;
            Assert.Single(document.Pages);
            Assert.Empty(document.Page.DeviceMrzLines);
            Assert.Equal(page.Text.Split('\n'), document.MrzLines);
            Assert.True(document.Mrz.Valid);
            Assert.Equal(DocumentClass.Td3, document.Page.DocumentClass);
            Assert.Equal(CheckOutcome.Passed, capture.Checks.Single(c => c.Name == "page.mrz").Outcome);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
