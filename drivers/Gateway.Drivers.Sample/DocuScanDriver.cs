namespace Gateway.Drivers.Sample;

/// <summary>
/// The fictitious Acme DocuScan reader: its vendor software writes each document it reads as a text file of MRZ lines
/// (<c>*.mrz</c>) into a folder. The driver publishes each file as a document capture and moves it to <c>done/</c>; a
/// file that is not MRZ text goes to <c>rejected/</c> and is reported as an incident. Nothing is lost: a file is moved
/// only after the host has taken its capture, and only once it has stopped changing (the vendor software may still be
/// writing it when the driver first sees it).
/// </summary>
public sealed class DocuScanDriver(DocuScanOptions options) : IDocumentReader
{
    private int _disposed;

    /// <inheritdoc />
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(options.Folder))
        {
            // A fault is reported by throwing; the gateway shows Faulted and retries with backoff.
            throw new DeviceException("docuscan.folder_missing", $"The DocuScan folder {options.Folder} does not exist.", isTransient: true);
        }

        Directory.CreateDirectory(Path.Combine(options.Folder, "done"));
        Directory.CreateDirectory(Path.Combine(options.Folder, "rejected"));
        context.ReportIdentity(new DeviceIdentity("Acme", "DocuScan (sample driver)"));
        context.ReportState(DeviceState.Ready);

        // Every wait goes through the context's clock and the token, so tests can drive time and stopping is prompt.
        using var timer = new PeriodicTimer(options.PollInterval, context.TimeProvider);
        var seen = new Dictionary<string, (long Length, DateTime Written)>();
        do
        {
            var settled = new Dictionary<string, (long Length, DateTime Written)>();
            foreach (var file in Directory.GetFiles(options.Folder, "*.mrz").Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                var now = (info.Length, info.LastWriteTimeUtc);
                // An empty file is one the vendor software has created but not written yet, however long it stays so.
                if (info.Length > 0 && seen.TryGetValue(file, out var before) && before == now)
                {
                    await PublishAsync(context, file, cancellationToken);
                }
                else
                {
                    settled[file] = now;
                }
            }

            seen = settled;
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _disposed, 1);
        return ValueTask.CompletedTask;
    }

    private async Task PublishAsync(IDeviceContext context, string file, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (IOException)
        {
            return; // still being written by the vendor software; read it at the next tick
        }

        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var name = Path.GetFileName(file);
        if (lines.Length is < 2 or > 3 || lines.Any(l => l.Any(c => c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '<'))))
        {
            context.ReportIncident(new DeviceIncident("docuscan.not_mrz", $"{name} is not 2 or 3 lines of MRZ characters; moved to rejected/."));
            File.Move(file, Path.Combine(options.Folder, "rejected", name), overwrite: true);
            return;
        }

        context.ReportState(DeviceState.Busy);
        await context.PublishAsync(new CaptureData(new DocumentPayload(lines)) { CapturedAt = context.TimeProvider.GetUtcNow() }, cancellationToken);
        File.Move(file, Path.Combine(options.Folder, "done", name), overwrite: true);
        context.ReportState(DeviceState.Ready);
    }
}
