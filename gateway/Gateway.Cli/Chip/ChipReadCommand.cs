using System.CommandLine;
using Gateway.Drivers.Pcsc;
using Gateway.Emrtd;
using Gateway.Mrz;

namespace Gateway.Cli.Chip;

/// <summary>
/// <c>gatewayctl chip read --mrz-file F [--can N] [--reader NAME] [--csca DIR] [--allow-bac] [--json]</c>: opens the chip
/// with the MRZ (or the card access number), reads it and verifies it (passive authentication against the CSCA folder,
/// active authentication when the chip has DG15). Prints a report, or the <c>gateway.v1.Capture</c> with its
/// <c>ChipCapture</c> as JSON. Exit code 0 when the chip is verified, 1 when it is not or cannot be read, 2 for usage.
/// </summary>
internal static class ChipReadCommand
{
    public static Command Create(Console console)
    {
        var mrzFile = new Option<FileInfo?>("--mrz-file") { Description = "File holding the document's MRZ lines (the access key, and DG1 is compared with it)." };
        var can = new Option<string?>("--can") { Description = "Card access number printed on the document (PACE only); used instead of the MRZ to open the chip." };
        var reader = new Option<string?>("--reader") { Description = "PC/SC reader name (default: the first reader with a card)." };
        var csca = new Option<DirectoryInfo?>("--csca") { Description = "CSCA store folder: certificates, master lists (.ml), CRLs (.crl)." };
        var allowBac = new Option<bool>("--allow-bac") { Description = "Allow BAC when the chip offers no PACE (recorded as a fallback)." };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for a card.", DefaultValueFactory = _ => 10 };
        var command = new Command("read", "Read and verify the chip on a PC/SC reader.") { mrzFile, can, reader, csca, allowBac, wait };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(mrzFile);
            var number = parse.GetValue(can);
            if (file is null && number is null)
            {
                await console.Error.WriteLineAsync("gatewayctl: give --mrz-file or --can.");
                return 2;
            }

            if (file is { Exists: false })
            {
                await console.Error.WriteLineAsync($"gatewayctl: no such file: {file.FullName}");
                return 2;
            }

            var mrz = file is null ? null : MrzParser.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken));
            AccessKey? key = number is not null ? new CanAccessKey(number) : MrzAccessKey.FromMrz(mrz!);
            if (key is null)
            {
                await console.Error.WriteLineAsync("gatewayctl: the MRZ file holds no document number and dates.");
                return 2;
            }

            var store = parse.GetValue(csca) is { } folder ? CscaStore.Load(folder.FullName) : null;
            foreach (var problem in store?.Problems ?? [])
            {
                await console.Error.WriteLineAsync($"gatewayctl: CSCA store: {problem}");
            }

            var options = new ChipReadOptions { AllowBac = parse.GetValue(allowBac), Csca = store, DocumentMrz = mrz };
            try
            {
                using var context = PcscContext.Establish();
                var name = parse.GetValue(reader) ?? context.GetStates().Where(s => s.CardPresent).Select(s => s.Reader).FirstOrDefault()
                    ?? context.ListReaders().FirstOrDefault();
                if (name is null)
                {
                    await console.Error.WriteLineAsync("gatewayctl: no PC/SC reader is connected.");
                    return 1;
                }

                if (!await context.WaitForCardAsync(name, present: true, TimeSpan.FromSeconds(parse.GetValue(wait)), cancellationToken))
                {
                    await console.Error.WriteLineAsync($"gatewayctl: no card on {name}.");
                    return 1;
                }

                var started = TimeProvider.System.GetTimestamp();
                using var card = context.Connect(name);
                var result = await ChipReader.ReadAsync(card, key, options, cancellationToken);
                var elapsed = TimeProvider.System.GetElapsedTime(started);
                await console.Out.WriteLineAsync(parse.GetValue(GlobalOptions.Json)
                    ? GlobalOptions.ToJson(ChipCaptures.ToCapture(result, name, elapsed, DateTimeOffset.UtcNow))
                    : ChipReport.Format(result, name, elapsed));
                return result.Verified ? 0 : 1;
            }
            catch (Exception ex) when (ex is PcscException or ChipException)
            {
                await console.Error.WriteLineAsync($"gatewayctl: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
