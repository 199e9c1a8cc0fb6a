using Gateway.Drivers.PageFolder.Internal;

namespace Gateway.Drivers.PageFolder;

/// <summary>
/// A full-page reader made of a hot folder: scanner software saves each page as one image per light
/// (<c>0001_white.png</c>, <c>0001_ir.png</c>, <c>0001_uv.png</c>, or a lone <c>0001.png</c>); once a set's files are
/// complete on disk the driver publishes them as one document capture with pages (no MRZ lines: the gateway's page
/// pipeline reads them) and moves the set to <c>done/</c>. A damaged image sends its set to <c>failed/</c> with the
/// reason and an incident; the device stays ready. Nothing is published twice or lost across a restart: a set is
/// claimed into <c>processing/</c> by rename before it is published and recovered from there at start.
/// </summary>
public sealed class PageFolderReader : IDocumentReader
{
    private readonly PageFolderOptions _options;
    private readonly PageNames _names;
    private readonly IReadOnlySet<LightSource> _expected;
    private readonly SetFolders _folders;
    private readonly Dictionary<string, FileWatch> _watched = new(StringComparer.Ordinal);

    /// <summary>Creates the driver.</summary>
    /// <param name="options">Its settings.</param>
    public PageFolderReader(PageFolderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _names = new PageNames(options);
        _expected = PageFolderOptions.ParseLights(options.ExpectedLights)
            ?? throw new ArgumentException("ExpectedLights is not a list of lights.", nameof(options));
        _folders = new SetFolders(options.Path);
    }

    /// <inheritdoc />
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Task.Yield();
        if (!Directory.Exists(_options.Path))
        {
            throw new DeviceException("page_folder.missing", $"The page folder {_options.Path} does not exist.", isTransient: true);
        }

        _folders.Create();
        context.ReportIdentity(new DeviceIdentity("Gateway", "Page folder", Firmware: "1.0"));
        context.ReportState(DeviceState.Ready);
        Log.Watching(context.Logger, _options.Path);

        foreach (var claimed in _folders.Claimed())
        {
            Log.Recovered(context.Logger, Path.GetFileName(claimed));
            await ProcessClaimedAsync(context, claimed, cancellationToken);
        }

        using var timer = new PeriodicTimer(_options.PollInterval, context.TimeProvider);
        do
        {
            await ScanFolderAsync(context, cancellationToken);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>One look at the folder: notes what changed, and takes every set that is ready.</summary>
    private async Task ScanFolderAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        var now = context.TimeProvider.GetUtcNow();
        var present = Directory.GetFiles(_options.Path).Where(PageNames.IsImage).ToList();
        foreach (var gone in _watched.Keys.Except(present).ToList())
        {
            _watched.Remove(gone);
        }

        foreach (var file in present)
        {
            var info = new FileInfo(file);
            var stamp = (info.Length, info.LastWriteTimeUtc);
            if (!_watched.TryGetValue(file, out var watch) || watch.Stamp != stamp)
            {
                _watched[file] = watch = new FileWatch(stamp, now);
            }

            if (watch.Image is null && now - watch.UnchangedSince >= _options.StableTime)
            {
                watch.Image = ImageInspector.Inspect(await ReadAsync(file, cancellationToken));
            }
        }

        var sets = _watched
            .GroupBy(w => _names.Of(w.Key).Scan, StringComparer.Ordinal)
            .OrderBy(g => g.Min(w => w.Value.FirstSeen)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var set in sets)
        {
            if (!IsReady(set, now))
            {
                continue;
            }

            var claimed = _folders.Claim(set.Key, set.Select(w => w.Key));
            foreach (var file in set)
            {
                _watched.Remove(file.Key);
            }

            if (claimed is not null)
            {
                await ProcessClaimedAsync(context, claimed, cancellationToken);
            }
        }
    }

    /// <summary>Whether the set is to be taken now: complete, settled, damaged, or stuck incomplete for too long.</summary>
    private bool IsReady(IGrouping<string, KeyValuePair<string, FileWatch>> set, DateTimeOffset now)
    {
        var files = set.Select(w => (Name: _names.Of(w.Key), Watch: w.Value)).ToList();
        if (files.Exists(f => f.Watch.Image is { Verdict: ImageVerdict.Corrupt or ImageVerdict.Unsupported }
            || (f.Watch.Image is { Verdict: ImageVerdict.Truncated } && now - f.Watch.UnchangedSince >= _options.IncompleteTimeout)))
        {
            return true; // to failed/
        }

        if (files.Exists(f => f.Watch.Image is null or { Verdict: ImageVerdict.Truncated }))
        {
            return false; // still being written
        }

        var lights = files.Select(f => f.Name.Light).ToHashSet();
        return files.TrueForAll(f => !f.Name.Suffixed)
            || _expected.IsSubsetOf(lights)
            || now - files.Max(f => f.Watch.UnchangedSince) >= _options.SettleTime;
    }

    /// <summary>Publishes a claimed set and moves it to done/, or moves it to failed/ with the reason.</summary>
    private async Task ProcessClaimedAsync(IDeviceContext context, string claimed, CancellationToken cancellationToken)
    {
        var scan = Path.GetFileName(claimed);
        var pages = new List<CapturedImage>();
        string? failure = null;
        var code = "page_folder.corrupt_image";
        foreach (var file in Directory.GetFiles(claimed).Where(PageNames.IsImage).Order(StringComparer.Ordinal))
        {
            var light = _names.Of(file).Light;
            var data = await ReadAsync(file, cancellationToken);
            var image = ImageInspector.Inspect(data);
            if (image.Verdict != ImageVerdict.Complete)
            {
                code = image.Verdict switch
                {
                    ImageVerdict.Truncated => "page_folder.incomplete_image",
                    ImageVerdict.Unsupported => "page_folder.unsupported_format",
                    _ => code,
                };
                failure = $"{Path.GetFileName(file)}: {image.Reason}.";
                break;
            }

            if (pages.Exists(p => p.Light == light))
            {
                code = "page_folder.duplicate_light";
                failure = $"{Path.GetFileName(file)}: a second {light} image in the set.";
                break;
            }

            pages.Add(new CapturedImage(data, image.Format, image.Width, image.Height)
            {
                Light = light,
                Ppi = image.Ppi > 0 ? image.Ppi : _options.Ppi,
            });
        }

        if (failure is null && pages.Count == 0)
        {
            failure = "the set holds no image.";
        }

        if (failure is not null)
        {
            _folders.MoveToFailed(claimed, failure);
            Log.Failed(context.Logger, scan, failure);
            context.ReportIncident(new DeviceIncident(code, $"Page set {scan} moved to failed/: {failure}", IncidentSeverity.Error));
            return;
        }

        pages.Sort((a, b) => a.Light.CompareTo(b.Light));
        context.ReportState(DeviceState.Busy);
        var capture = new CaptureData(new DocumentPayload([]) { Pages = pages }) { CapturedAt = context.TimeProvider.GetUtcNow() };

        // Cancelled while the host's intake is full: the set stays in processing/ and is published at the next start.
        await context.PublishAsync(capture, cancellationToken);
        _folders.MoveToDone(claimed);
        Log.Published(context.Logger, scan, pages.Count);
        context.ReportState(DeviceState.Ready);
    }

    private static async Task<byte[]> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(file, cancellationToken);
        }
        catch (IOException)
        {
            return []; // locked or vanished while being written: seen as empty (truncated) and looked at again
        }
    }

    /// <summary>What the driver knows of one file in the folder.</summary>
    private sealed class FileWatch((long Length, DateTime Written) stamp, DateTimeOffset now)
    {
        public (long Length, DateTime Written) Stamp { get; } = stamp;

        public DateTimeOffset FirstSeen { get; } = now;

        public DateTimeOffset UnchangedSince { get; } = now;

        public ImageInfo? Image { get; set; }
    }
}
