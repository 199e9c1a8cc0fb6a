using System.Text.Json;
using Gateway.Cli;
using Gateway.MrzOcr.TestMedia;

namespace Gateway.EndToEnd.Tests;

/// <summary><c>gatewayctl mrz ocr</c> on a generated page scan, a generated camera frame and a torn file.</summary>
public sealed class MrzOcrCommandTests
{
    [Fact]
    public async Task MrzOcr_PageCameraFrameAndTornFile_PrintsOneJsonLineEachAndSavesDebugImages()
    {
        var samples = MrzSets.Evaluation(12).ToList();
        var page = samples.First(s => s.Name == "006-Td3-page");
        var camera = samples.First(s => s.Name == "011-Td2-camera");
        var folder = Directory.CreateTempSubdirectory("gatewayctl-mrz-ocr-");
        try
        {
            var pagePath = Path.Combine(folder.FullName, $"page.{page.Extension}");
            var cameraPath = Path.Combine(folder.FullName, $"camera.{camera.Extension}");
            var tornPath = Path.Combine(folder.FullName, "torn.jpg");
            var debug = Path.Combine(folder.FullName, "debug");
            await File.WriteAllBytesAsync(pagePath, page.Image);
            await File.WriteAllBytesAsync(cameraPath, camera.Image);
            await File.WriteAllBytesAsync(tornPath, camera.Image[..300]);

            var (code, output) = await Run("mrz", "ocr", pagePath, cameraPath, tornPath, "--json", "--debug", debug, "--budget-ms", "20000");

            Assert.Equal(1, code);
            var lines = output.Trim().Split('\n');
            Assert.Equal(3, lines.Length);
            foreach (var (line, sample) in lines.Take(2).Zip([page, camera]))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                Assert.True(root.GetProperty("found").GetBoolean());
                Assert.True(root.GetProperty("mrz").GetProperty("valid").GetBoolean());
                Assert.Equal(sample.Text.Split('\n'), root.GetProperty("mrz").GetProperty("correctedLines").EnumerateArray().Select(l => l.GetString()));
                Assert.Equal(4, root.GetProperty("quad").GetArrayLength());
                var quadX = root.GetProperty("quad").EnumerateArray().Average(p => p.GetProperty("x").GetDouble());
                Assert.InRange(quadX, sample.Quad.Min(p => p.X) - 5, sample.Quad.Max(p => p.X) + 5);
                var first = root.GetProperty("lines")[0].GetProperty("characters")[0];
                Assert.InRange(first.GetProperty("confidence").GetDouble(), 0, 1);
                Assert.NotEqual(0, first.GetProperty("alternatives").GetArrayLength());
            }

            using var torn = JsonDocument.Parse(lines[2]);
            Assert.False(torn.RootElement.GetProperty("found").GetBoolean());
            Assert.Equal("image.unreadable", torn.RootElement.GetProperty("errorCode").GetString());
            Assert.True(File.Exists(Path.Combine(debug, "page.crop.png")));
            Assert.True(File.Exists(Path.Combine(debug, "camera.segmentation.png")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task MrzOcr_Table_PrintsTheParseReport()
    {
        var page = MrzSets.Evaluation(12).First(s => s.Name == "006-Td3-page");
        var folder = Directory.CreateTempSubdirectory("gatewayctl-mrz-ocr-");
        try
        {
            var path = Path.Combine(folder.FullName, $"page.{page.Extension}");
            await File.WriteAllBytesAsync(path, page.Image);

            var (code, output) = await Run("mrz", "ocr", path, "--budget-ms", "20000");

            Assert.Equal(0, code);
            Assert.Contains("MRZ at", output, StringComparison.Ordinal);
            Assert.Contains(page.Text.Split('\n')[1], output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int Code, string Out)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GatewayCtl.RunAsync(args, new Cli.Console(new StringReader(string.Empty), output, error));
        return (code, output.ToString());
    }
}
