using System.Buffers.Binary;

namespace Gateway.Drivers.Fingerprint.Folder;

/// <summary>
/// A fingerprint scanner made of a folder: a capture for a set of finger positions takes, for each, the oldest PNG named
/// for that position (waiting for it to appear, as a scanner waits for the finger), reports the same finger events as a
/// real scanner, and moves the files used to <c>done/</c>, so nothing is used twice or lost across a restart.
/// </summary>
public sealed class FingerFolderScanner(FingerFolderOptions options) : IFingerprintScanner
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The last 8 bytes of every PNG: the IEND chunk's type and its CRC.</summary>
    private static readonly byte[] PngEnd = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
    private IDeviceContext? _context;

    /// <inheritdoc />
    public IReadOnlyList<CaptureKind> TriggerKinds { get; } = [CaptureKind.Fingerprint];

    /// <inheritdoc />
    public FingerprintCapabilities Capabilities =>
        new([FingerCaptureMode.SingleFlat, FingerCaptureMode.FourFingerSlap, FingerCaptureMode.TwoThumbs, FingerCaptureMode.Rolled], options.Ppi, 0, 0);

    /// <inheritdoc />
    public async Task RunAsync(IDeviceContext context, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(options.Folder))
        {
            throw new DeviceException("fingerprint_folder.missing", $"The folder {options.Folder} does not exist.", isTransient: true);
        }

        Directory.CreateDirectory(Path.Combine(options.Folder, "done"));
        _context = context;
        context.ReportIdentity(new DeviceIdentity("Gateway", "Fingerprint folder", Firmware: "1.0"));
        context.ReportState(DeviceState.Ready);
        await Task.Delay(Timeout.InfiniteTimeSpan, context.TimeProvider, cancellationToken);
    }

    /// <inheritdoc />
    public Task<CaptureData> CaptureAsync(CaptureKind kind, CancellationToken cancellationToken) =>
        kind == CaptureKind.Fingerprint
            ? CaptureFingersAsync(new FingerCaptureRequest([]), cancellationToken)
            : throw new DeviceException("fingerprint_folder.kind", $"A fingerprint folder cannot capture {kind}.", isTransient: false);

    /// <inheritdoc />
    /// <remarks>An empty request takes the oldest image of any position.</remarks>
    public async Task<CaptureData> CaptureFingersAsync(FingerCaptureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = _context ?? throw new DeviceException("fingerprint_folder.not_running", "The device is not running.", isTransient: true);
        var time = context.TimeProvider;
        context.ReportIncident(new DeviceIncident(FingerprintEvents.PlaceFinger, "Waiting for the finger images."));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CaptureTimeout);
        var files = new List<(FingerPosition Position, string Path)>();
        try
        {
            using var timer = new PeriodicTimer(options.PollInterval, time);
            do
            {
                files.Clear();
                var available = Directory.GetFiles(options.Folder, "*.png")
                    .Select(f => (Position: FingerPositionNames.Of(f), Path: f))
                    .Where(f => f.Position is not null && Arrived(f.Path))
                    .OrderBy(f => File.GetLastWriteTimeUtc(f.Path)).ThenBy(f => f.Path, StringComparer.Ordinal)
                    .ToList();
                if (request.Positions.Count == 0 && available.Count > 0)
                {
                    files.Add((available[0].Position!.Value, available[0].Path));
                }
                else
                {
                    foreach (var position in request.Positions)
                    {
                        var match = available.FirstOrDefault(f => f.Position == position);
                        if (match.Path is not null)
                        {
                            files.Add((position, match.Path));
                        }
                    }
                }
            }
            while ((files.Count == 0 || files.Count < request.Positions.Count) && await timer.WaitForNextTickAsync(timeout.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var missing = request.Positions.Where(p => !files.Exists(f => f.Position == p)).Select(FingerPositionNames.NameOf);
            throw new DeviceException(
                "fingerprint_folder.timeout",
                $"No image for {string.Join(", ", missing)} within {options.CaptureTimeout.TotalSeconds:0.#} s (expected files such as right-index.png).",
                isTransient: false);
        }

        context.ReportIncident(new DeviceIncident(FingerprintEvents.FingerPresent, "Finger images found."));
        var fingers = new List<FingerImage>();
        foreach (var (position, path) in files)
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            if (bytes.Length < 24 || !bytes.AsSpan(0, 8).SequenceEqual(PngSignature))
            {
                throw new DeviceException("fingerprint_folder.not_png", $"{Path.GetFileName(path)} is not a PNG image.", isTransient: false);
            }

            var width = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16));
            var height = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20));
            fingers.Add(new FingerImage(position, new CapturedImage(bytes, ImageFormat.Png, width, height) { Ppi = options.Ppi }));
        }

        foreach (var (_, path) in files)
        {
            File.Move(path, Path.Combine(options.Folder, "done", Path.GetFileName(path)), overwrite: true);
        }

        context.ReportIncident(new DeviceIncident(FingerprintEvents.FingerRemoved, "Finger images used."));
        return new CaptureData(new FingerprintPayload(fingers)
        {
            RequestedPositions = request.Positions.Count > 0 ? request.Positions : [.. files.Select(f => f.Position)],
            Impression = request.Impression,
        })
        { CapturedAt = time.GetUtcNow() };
    }

    /// <summary>
    /// Whether a file has arrived whole: a PNG that ends with its IEND chunk, or a file that is no PNG at all (taken, to be
    /// refused by name). A PNG still being written by the software that saves it, or a file that cannot be opened yet,
    /// is left for a later look.
    /// </summary>
    private static bool Arrived(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> head = stackalloc byte[8];
            Span<byte> tail = stackalloc byte[8];
            if (file.Length < 8 || file.Read(head) < 8)
            {
                return false;
            }

            if (!head.SequenceEqual(PngSignature))
            {
                return true;
            }

            file.Seek(-8, SeekOrigin.End);
            return file.Length >= 24 && file.Read(tail) == 8 && tail.SequenceEqual(PngEnd);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _context = null;
        return ValueTask.CompletedTask;
    }
}
