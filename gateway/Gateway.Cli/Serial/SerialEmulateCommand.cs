using System.CommandLine;
using Gateway.Cli.Mrz;
using Gateway.Drivers;
using Gateway.Drivers.Serial;
using Gateway.Drivers.Serial.Framing;

namespace Gateway.Cli.Serial;

/// <summary>
/// <c>gatewayctl serial emulate PORT --profile P --mrz-file F</c>: acts as a reader on one end of a (virtual) serial
/// cable, sending each document of the file framed as the profile's readers do, so the gateway on the other end can be
/// tried without hardware. Specimen documents only.
/// </summary>
internal static class SerialEmulateCommand
{
    public static Command Create(Console console)
    {
        var port = new SerialPortOptions();
        var file = new Option<FileInfo>("--mrz-file", "-f")
        {
            Description = "MRZ documents, the lines of one document consecutive, documents separated by an empty line ('-' = stdin).",
            Required = true,
        };
        var interval = new Option<int>("--interval-ms") { Description = "Pause between documents, in milliseconds.", DefaultValueFactory = _ => 1000 };
        var repeat = new Option<int>("--repeat") { Description = "Send the file this many times (0 = until Ctrl+C).", DefaultValueFactory = _ => 1 };
        var command = new Command("emulate", "Act as a document reader: send MRZ documents framed as a profile's readers send them.")
        {
            file, interval, repeat,
        };
        port.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = port.Read(parse);
            var source = parse.GetValue(file)!;
            if (source.Name != "-" && !source.Exists)
            {
                await console.Error.WriteLineAsync($"gatewayctl: no such file: {source.FullName}");
                return 2;
            }

            var text = source.Name == "-" ? await console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(source.FullName, cancellationToken);
            var profile = options.ToProfile();
            byte[][] frames;
            try
            {
                frames = [.. MrzParseCommand.Documents(text).Select(d => FrameWriter.Document(profile, d.Split('\n')))];
            }
            catch (ArgumentException ex)
            {
                await console.Error.WriteLineAsync($"gatewayctl: {ex.Message}");
                return 2;
            }

            if (frames.Length == 0)
            {
                await console.Error.WriteLineAsync("gatewayctl: the file holds no document.");
                return 2;
            }

            try
            {
                await using var connection = SerialConnection.Open(options);
                var times = parse.GetValue(repeat);
                for (var round = 0; times == 0 || round < times; round++)
                {
                    for (var i = 0; i < frames.Length; i++)
                    {
                        connection.Write(frames[i]);
                        await console.Out.WriteLineAsync($"sent document {i + 1}/{frames.Length} ({frames[i].Length} bytes, {profile.Name})");
                        await Task.Delay(TimeSpan.FromMilliseconds(parse.GetValue(interval)), cancellationToken);
                    }
                }

                return 0;
            }
            catch (DeviceException ex)
            {
                await console.Error.WriteLineAsync($"gatewayctl: {ex.Message}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                return 130;
            }
        });
        return command;
    }
}
