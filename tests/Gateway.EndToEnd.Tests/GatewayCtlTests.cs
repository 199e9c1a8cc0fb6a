using System.Text.Json;
using Gateway.Cli;

namespace Gateway.EndToEnd.Tests;

public sealed class GatewayCtlTests
{
    private static Task<(int Code, string Out, string Error)> Run(params string[] args) => RunWithInput(string.Empty, args);

    private static async Task<(int Code, string Out, string Error)> RunWithInput(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GatewayCtl.RunAsync(args, new Cli.Console(new StringReader(input), output, error));
        return (code, output.ToString(), error.ToString());
    }

    // ICAO Doc 9303 Part 4 Appendix A (TD3 specimen) and Part 11 Appendix D.2 (TD1 with a long document number).
    private const string Td3Specimen = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n";
    private const string Td1LongNumber = "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<\n";

    [Fact]
    public async Task MrzParse_Json_PrintsOneResultPerDocument()
    {
        var (code, output, _) = await RunWithInput(Td3Specimen + "\n" + Td1LongNumber + "\n\nGARBAGE\n", "mrz", "parse", "--json");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var td3 = JsonDocument.Parse(lines[0]);
        Assert.True(td3.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("MRZ_FORMAT_TD3", td3.RootElement.GetProperty("format").GetString());
        Assert.Equal("L898902C3", td3.RootElement.GetProperty("summary").GetProperty("documentNumber").GetString());
        Assert.Equal(5, td3.RootElement.GetProperty("checks").GetArrayLength());
        using var td1 = JsonDocument.Parse(lines[1]);
        Assert.True(td1.RootElement.GetProperty("valid").GetBoolean());
        Assert.Contains("LongDocumentNumber", td1.RootElement.GetProperty("tolerances").EnumerateArray().Select(t => t.GetString()));
        using var garbage = JsonDocument.Parse(lines[2]);
        Assert.False(garbage.RootElement.GetProperty("valid").GetBoolean());
        Assert.NotEqual(0, garbage.RootElement.GetProperty("issues").GetArrayLength());
    }

    [Fact]
    public async Task MrzParse_WrongCheckDigit_IsInvalidButExitsZero()
    {
        var (code, output, _) = await RunWithInput(Td3Specimen.Replace("7408122", "7408123", StringComparison.Ordinal), "mrz", "parse");

        Assert.Equal(0, code);
        Assert.StartsWith("TD3: INVALID", output, StringComparison.Ordinal);
        Assert.Contains("check DateOfBirth: FAILED (expected 2, found 3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BarcodeParse_IataExample_PrintsTheMandatoryItems()
    {
        // IATA Resolution 792 (BCBP implementation guide), the single-leg example.
        var (code, output, _) = await RunWithInput("M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100", "barcode", "parse", "--type", "bcbp", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("bcbp", json.RootElement.GetProperty("payloadType").GetString());
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        var fields = json.RootElement.GetProperty("fields").EnumerateArray()
            .ToDictionary(f => $"{f.GetProperty("group").GetString()}.{f.GetProperty("name").GetString()}", f => f.GetProperty("value").GetString());
        Assert.Equal("DESMARAIS/LUC", fields[".passenger_name"]);
        Assert.Equal("YUL", fields["leg_1.from_airport"]);
        Assert.Equal("001A", fields["leg_1.seat"]);
    }

    [Fact]
    public async Task BarcodeDecode_TiltedPassOnAPageAndABadFile_PrintsOneJsonLineEach()
    {
        const string pass = "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100";
        using var barcode = Gateway.Imaging.TestMedia.SyntheticBarcodes.Render("PDF417", pass, 760);
        var (image, center) = Gateway.Imaging.TestMedia.Degrader.Apply(
            barcode, new Gateway.Imaging.TestMedia.Degradation(RotationDegrees: 10, JpegQuality: 45, OnPage: true), seed: 11);
        var folder = Directory.CreateTempSubdirectory("gatewayctl-decode-");
        try
        {
            var good = Path.Combine(folder.FullName, "pass.jpg");
            var bad = Path.Combine(folder.FullName, "torn.png");
            await File.WriteAllBytesAsync(good, image);
            await File.WriteAllBytesAsync(bad, image[..200]);

            var (code, output, _) = await Run("barcode", "decode", good, bad, "--json");

            Assert.Equal(1, code);
            var lines = output.Trim().Split('\n');
            Assert.Equal(2, lines.Length);
            using var first = JsonDocument.Parse(lines[0]);
            Assert.Equal("pass.jpg", first.RootElement.GetProperty("source").GetString());
            var found = Assert.Single(first.RootElement.GetProperty("barcodes").EnumerateArray());
            Assert.Equal("PDF417", found.GetProperty("symbology").GetString());
            Assert.StartsWith("]L", found.GetProperty("aimIdentifier").GetString(), StringComparison.Ordinal);
            Assert.Equal("bcbp", found.GetProperty("payloadType").GetString());
            Assert.True(found.GetProperty("payload").GetProperty("valid").GetBoolean());
            Assert.Equal(pass, found.GetProperty("text").GetString());
            var corners = found.GetProperty("corners").EnumerateArray().ToList();
            Assert.Equal(4, corners.Count);
            // The outline lies on the barcode (ZXing may locate only part of a tilted PDF417, so not necessarily all of it).
            Assert.InRange(corners.Average(c => c.GetProperty("x").GetDouble()), center.X - (barcode.Width / 2), center.X + (barcode.Width / 2));
            Assert.InRange(corners.Average(c => c.GetProperty("y").GetDouble()), center.Y - (barcode.Width / 2), center.Y + (barcode.Width / 2));
            using var second = JsonDocument.Parse(lines[1]);
            Assert.Equal("image.unreadable", second.RootElement.GetProperty("errorCode").GetString());
            Assert.Empty(second.RootElement.GetProperty("barcodes").EnumerateArray());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task BarcodeDecode_Table_ListsSymbologyAndPayloadType()
    {
        using var barcode = Gateway.Imaging.TestMedia.SyntheticBarcodes.Render("QR_CODE", "M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100", 400);
        var file = Path.Combine(Path.GetTempPath(), $"gatewayctl-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, barcode.ImEncode(".png"));
        try
        {
            var (code, output, _) = await Run("barcode", "decode", file);

            Assert.Equal(0, code);
            Assert.Contains("1 barcode(s)", output, StringComparison.Ordinal);
            Assert.Contains("QR_CODE", output, StringComparison.Ordinal);
            Assert.Contains("bcbp", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task BarcodeParse_BadHex_IsAUsageError()
    {
        var (code, _, error) = await RunWithInput("zz", "barcode", "parse", "--hex");

        Assert.Equal(2, code);
        Assert.Contains("hexadecimal", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MrzParse_MissingFile_IsAUsageError()
    {
        var (code, _, error) = await Run("mrz", "parse", "/no/such/file.txt");

        Assert.Equal(2, code);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MrzGenerate_ThenParse_RoundTripsAsValid()
    {
        var (code, generated, _) = await Run(
            "mrz", "generate", "--format", "Td1", "--surname", "SPECIMEN", "--given-names", "AWA", "--number", "AB1234567",
            "--birth", "1990-01-31", "--sex", "Female", "--expiry", "2031-05-01");
        var (_, parsed, _) = await RunWithInput(generated, "mrz", "parse", "--json");

        Assert.Equal(0, code);
        Assert.Equal(3, generated.Trim().Split('\n').Length);
        using var json = JsonDocument.Parse(parsed);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("1990-01-31", json.RootElement.GetProperty("summary").GetProperty("birthDate").GetString());
    }

    [Fact]
    public async Task Watch_Json_PrintsCapturesAsJsonLinesWithDefaults()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("reader-1", "simulated-document", new { IntervalSeconds = 0.05 })]);

        var (code, output, _) = await Run("watch", "--address", gateway.Address.ToString(), "--json", "--count", "2");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("1", first.RootElement.GetProperty("sequence").GetString());
        Assert.Equal("reader-1", first.RootElement.GetProperty("deviceId").GetString());
        Assert.True(first.RootElement.GetProperty("verified").GetBoolean());
        Assert.NotEqual(0, first.RootElement.GetProperty("checks").GetArrayLength());
        Assert.Contains("<", first.RootElement.GetProperty("document").GetProperty("mrzLines")[0].GetString(), StringComparison.Ordinal);
        Assert.Matches("\"[PI]<UTO", lines[0]);
    }

    [Fact]
    public async Task Watch_After_ResumesFromTheGivenSequence()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("reader-1", "simulated-document", new { IntervalSeconds = 0.02 })]);
        await Run("watch", "--address", gateway.Address.ToString(), "--count", "3");

        var (code, output, _) = await Run("watch", "--address", gateway.Address.ToString(), "--json", "--after", "2", "--count", "1");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("3", json.RootElement.GetProperty("sequence").GetString());
    }

    [Fact]
    public async Task Devices_Table_ShowsEveryDeviceAndItsState()
    {
        await using var gateway = await RunningGateway.StartAsync(
            [RunningGateway.Device("reader-1", "simulated-document"), RunningGateway.Device("camera-1", "simulated-camera")]);

        var (code, output, _) = await Run("devices", "--address", gateway.Address.ToString());

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^reader-1\s+document-reader\s+simulated-document\s+\w+", lines[1]);
        Assert.Matches(@"^camera-1\s+camera\s+simulated-camera", lines[2]);
    }

    [Fact]
    public async Task Health_ServingGateway_ExitsZero()
    {
        await using var gateway = await RunningGateway.StartAsync([RunningGateway.Device("reader-1", "simulated-document")]);

        var (code, output, _) = await Run("health", "--address", gateway.Address.ToString());

        Assert.Equal(0, code);
        Assert.Equal("SERVING", output.Trim());
    }

    [Fact]
    public async Task UnknownOption_IsAUsageError()
    {
        var (code, _, error) = await Run("devices", "--bogus");

        Assert.Equal(2, code);
        Assert.Contains("--bogus", error, StringComparison.Ordinal);
    }
}
