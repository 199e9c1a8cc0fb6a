using System.CommandLine;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Gateway.Drivers;
using Gateway.Drivers.Serial;
using Gateway.Drivers.Serial.Framing;

namespace Gateway.Cli.Serial;

/// <summary>
/// <c>gatewayctl serial sniff PORT</c>: prints what a reader sends, raw (hex and text, with timestamps) and as the
/// profile's frame reader sees it (frames and framing errors), to find a reader's baud rate and profile.
/// </summary>
internal static class SerialSniffCommand
{
    public static Command Create(Console console)
    {
        var port = new SerialPortOptions();
        var count = new Option<int>("--count", "-n") { Description = "Stop after this many frames (0 = until Ctrl+C)." };
        var command = new Command("sniff", "Print the bytes a reader sends, raw and framed, with timestamps.") { count };
        port.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = port.Read(parse);
            var printed = new SemaphoreSlim(1, 1);
            async Task Print(string line)
            {
                await printed.WaitAsync(CancellationToken.None);
                try
                {
                    await console.Out.WriteLineAsync($"{TimeProvider.System.GetLocalNow():HH:mm:ss.fff} {line}");
                    await console.Out.FlushAsync(CancellationToken.None);
                }
                finally
                {
                    printed.Release();
                }
            }

            try
            {
                await using var connection = SerialConnection.Open(options);
                await Print($"listening on {options.Port} ({options.BaudRate} bd, profile {options.Profile}); Ctrl+C to stop");
                var framed = new Pipe();
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var frames = PrintFramesAsync(new FrameReader(framed.Reader, options.ToProfile()), parse.GetValue(count), Print, stop);
                try
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var result = await connection.Input.ReadAsync(stop.Token);
                        foreach (var segment in result.Buffer)
                        {
                            foreach (var line in Dump(segment.Span))
                            {
                                await Print(line);
                            }

                            await framed.Writer.WriteAsync(segment, stop.Token);
                        }

                        connection.Input.AdvanceTo(result.Buffer.End);
                        if (result.IsCompleted)
                        {
                            break;
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }

                await framed.Writer.CompleteAsync();
                await frames;
                if (connection.Failure is { } failure)
                {
                    await Print($"port gone: {failure.Message}");
                    return 1;
                }

                return cancellationToken.IsCancellationRequested ? 130 : 0;
            }
            catch (DeviceException ex)
            {
                await console.Error.WriteLineAsync($"gatewayctl: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static async Task PrintFramesAsync(FrameReader reader, int limit, Func<string, Task> print, CancellationTokenSource stop)
    {
        var frames = 0;
        await foreach (var found in reader.ReadAllAsync(CancellationToken.None))
        {
            switch (found)
            {
                case Frame { Content: FrameContent.Mrz } frame:
                    await print($"FRAME mrz at {frame.Offset}: {frame.Lines.Count} lines");
                    foreach (var line in frame.Lines)
                    {
                        await print($"  {line}");
                    }

                    break;
                case Frame frame:
                    await print($"FRAME barcode at {frame.Offset}: {frame.AimIdentifier ?? "no AIM id"}, {frame.Payload.Length} bytes");
                    break;
                case FrameError error:
                    await print($"ERROR {error.Code} at {error.Offset}: {error.Detail}");
                    break;
            }

            if (found is Frame && limit > 0 && ++frames >= limit)
            {
                await stop.CancelAsync();
            }
        }
    }

    /// <summary>Hex and text, 16 bytes a line; control bytes shown by name, others as '.'.</summary>
    private static IEnumerable<string> Dump(ReadOnlySpan<byte> bytes)
    {
        var lines = new List<string>();
        for (var at = 0; at < bytes.Length; at += 16)
        {
            var chunk = bytes.Slice(at, Math.Min(16, bytes.Length - at));
            var hex = new StringBuilder();
            var text = new StringBuilder();
            foreach (var b in chunk)
            {
                hex.Append(b.ToString("X2", CultureInfo.InvariantCulture)).Append(' ');
                text.Append(b switch
                {
                    0x01 => "<SOH>", 0x02 => "<STX>", 0x03 => "<ETX>", 0x04 => "<EOT>", 0x0A => "<LF>", 0x0D => "<CR>",
                    >= 0x20 and <= 0x7E => ((char)b).ToString(),
                    _ => $"<{b:X2}>",
                });
            }

            lines.Add($"RAW {chunk.Length,2} bytes  {hex,-48} {text}");
        }

        return lines;
    }
}
