using Gateway.Drivers.Conformance;

namespace Gateway.Drivers.Sample.Tests;

public sealed class DocuScanDriverTests : IDisposable
{
    /// <summary>ICAO Doc 9303 Part 4 specimen (Utopia): no real person.</summary>
    internal const string Td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("docuscan-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Run_MrzFileAndGarbageFile_PublishesTheDocumentAndRejectsTheGarbage()
    {
        await using var driver = new DocuScanDriver(new DocuScanOptions { Folder = _folder.FullName, PollInterval = TimeSpan.FromMilliseconds(20) });
        var context = new ConformanceContext("docuscan-1");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var run = driver.RunAsync(context, stop.Token);
        Assert.True(await context.WaitForStateAsync(DeviceState.Ready, TimeSpan.FromSeconds(10)));

        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "a.mrz"), "not an mrz at all");
        // The document is written under another name and renamed in, so it is never seen half written.
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "b.tmp"), Td3);
        File.Move(Path.Combine(_folder.FullName, "b.tmp"), Path.Combine(_folder.FullName, "b.mrz"));
        var capture = await context.Published.Reader.ReadAsync(stop.Token);

        var document = Assert.IsType<DocumentPayload>(capture.Payload);
        Assert.Equal("L898902C36UTO7408122F1204159ZE184226B<<<<<10", document.MrzLines[1]);
        var incident = Assert.Single(context.Incidents);
        Assert.Equal("docuscan.not_mrz", incident.Code);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "rejected", "a.mrz")));
        // The document's file is moved once the host has taken it.
        while (!File.Exists(Path.Combine(_folder.FullName, "done", "b.mrz")))
        {
            await Task.Delay(10, stop.Token);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
