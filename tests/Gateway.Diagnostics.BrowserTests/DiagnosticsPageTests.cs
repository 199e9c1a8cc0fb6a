using Gateway.Contracts.V1;
using Gateway.EndToEnd.Tests;
using Gateway.Imaging.TestMedia.Portraits;
using Microsoft.Playwright;

namespace Gateway.Diagnostics.BrowserTests;

/// <summary>
/// The diagnostics page served by the real gateway, in headless Chromium: every device, health checks, technician
/// mode, the camera preview, the live events without personal data, and the French texts. Screenshots are kept in the
/// test output folder (<c>artifacts/</c>) for a person to look at.
/// </summary>
public sealed class DiagnosticsPageTests : IDisposable
{
    private const string TechnicianKey = "tk-browser-test-8c2d";
    private static readonly string[] Td3Specimen =
    [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gateway-page-");

    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public void Dispose() => _folder.Delete(recursive: true);

    private Task<RunningGateway> StartGatewayAsync(params string[] extraArgs) => RunningGateway.StartAsync(
        [
            RunningGateway.Device("reader-1", "simulated-document"),
            RunningGateway.Device("camera-1", "simulated-camera"),
            RunningGateway.Device("fingerprint-1", "simulated-fingerprint"),
            RunningGateway.Device("barcode-1", "simulated-barcode"),
            RunningGateway.Device("webcam-1", "camera", new
            {
                Source = TestVideos.WriteAvi(Path.Combine(_folder.FullName, "booth.avi"), TestVideos.Numbered(50, 320, 240), 25),
                AtEnd = "Loop",
            }),
        ],
        extraArgs);

    private static ILocator Card(IPage page, string id) => page.Locator($"article.device[data-device=\"{id}\"]");

    [Fact]
    public async Task Page_ShowsEveryDevice_RunsChecks_ShowsThePreview_AndSwitchesToFrench()
    {
        await using var gateway = await StartGatewayAsync("--Gateway:Diagnostics:TechnicianKey", TechnicianKey);
        await using var chromium = await HeadlessChromium.StartAsync();
        var page = await chromium.Context.NewPageAsync();
        await page.GotoAsync(gateway.DiagnosticsAddress!.ToString());

        // Every device, each with its state.
        foreach (var id in new[] { "reader-1", "camera-1", "fingerprint-1", "barcode-1", "webcam-1" })
        {
            await Assertions.Expect(Card(page, id).Locator(".id")).ToHaveTextAsync(id);
        }

        await Assertions.Expect(Card(page, "reader-1").Locator(".state")).ToHaveTextAsync("Ready");
        await Assertions.Expect(page.Locator("article.device")).ToHaveCountAsync(5);

        // Read-only until the technician key is given: internal checks only.
        await Assertions.Expect(page.Locator("#mode")).ToContainTextAsync("Read-only");
        await Assertions.Expect(Card(page, "fingerprint-1").Locator("button[data-level=external]")).ToBeDisabledAsync();
        await Card(page, "reader-1").Locator("button[data-level=internal]").ClickAsync();
        var readerResult = Card(page, "reader-1").Locator(".health-result");
        await Assertions.Expect(readerResult).ToHaveAttributeAsync("data-outcome", "PASSED");
        await Assertions.Expect(readerResult).ToContainTextAsync("Internal check: Passed");
        await Assertions.Expect(readerResult).ToContainTextAsync("The driver is running and the device is ready.");

        await page.Locator("#key").FillAsync(TechnicianKey);
        await page.Locator("#unlock button").ClickAsync();
        await Assertions.Expect(page.Locator("#mode")).ToContainTextAsync("Technician mode");
        var external = Card(page, "fingerprint-1").Locator("button[data-level=external]");
        await Assertions.Expect(external).ToBeEnabledAsync();
        await external.ClickAsync();
        var fingerprintResult = Card(page, "fingerprint-1").Locator(".health-result");
        await Assertions.Expect(fingerprintResult).ToHaveAttributeAsync("data-outcome", "PASSED");
        await Assertions.Expect(fingerprintResult).ToContainTextAsync("kind=Fingerprint");

        // The camera's live view shows frames as they come.
        var preview = Card(page, "webcam-1").Locator(".preview img");
        await Assertions.Expect(Card(page, "webcam-1").Locator(".preview")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => Number(document.querySelector('article[data-device=\"webcam-1\"] .preview img').dataset.frames) >= 3");
        Assert.True(await preview.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        Assert.StartsWith("data:image/jpeg;base64,", await preview.GetAttributeAsync("src"), StringComparison.Ordinal);

        // A capture appears in the live events by kind and outcome; its content never reaches the page.
        var inject = new InjectCaptureRequest { DeviceId = "reader-1" };
        inject.MrzLines.AddRange(Td3Specimen);
        await new DiagnosticsService.DiagnosticsServiceClient(gateway.Channel).InjectCaptureAsync(inject);
        await Assertions.Expect(page.Locator("#events li[data-kind=capture]").Filter(new() { HasText = "reader-1 Document" })).Not.ToHaveCountAsync(0);
        var html = await page.ContentAsync();
        Assert.DoesNotContain("ERIKSSON", html, StringComparison.Ordinal);
        Assert.DoesNotContain("L898902C3", html, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "diagnostics-page-en.png"), FullPage = true });

        // French: every text of the page changes, from the resource files.
        await page.Locator("#language").SelectOptionAsync("fr");
        await Assertions.Expect(page.Locator("body > header h1")).ToHaveTextAsync("Diagnostic de la cabine");
        await Assertions.Expect(Card(page, "reader-1").Locator(".state")).ToHaveTextAsync("Prêt");
        await Assertions.Expect(Card(page, "reader-1").Locator("button[data-level=internal]")).ToHaveTextAsync("Contrôle interne");
        await Assertions.Expect(Card(page, "camera-1").Locator(".class")).ToContainTextAsync("Caméra");
        await Assertions.Expect(page.Locator("#mode")).ToContainTextAsync("Mode technicien");
        Assert.Equal("fr", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Card(page, "barcode-1").Locator("button[data-level=internal]").ClickAsync();
        await Assertions.Expect(Card(page, "barcode-1").Locator(".health-result")).ToContainTextAsync("Contrôle interne : Réussi");
        await Assertions.Expect(Card(page, "barcode-1").Locator(".health-result")).ToContainTextAsync("Le pilote fonctionne et le périphérique est prêt.");
        var screenshot = Path.Combine(Artifacts, "diagnostics-page-fr.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    [Fact]
    public async Task Page_WithoutATechnicianKeyConfigured_IsReadOnly()
    {
        await using var gateway = await StartGatewayAsync();
        await using var chromium = await HeadlessChromium.StartAsync();
        var page = await chromium.Context.NewPageAsync();
        await page.GotoAsync(gateway.DiagnosticsAddress!.ToString());

        await Assertions.Expect(page.Locator("#mode")).ToContainTextAsync("no technician key is configured");
        await Assertions.Expect(page.Locator("#unlock")).ToBeHiddenAsync();
        await Assertions.Expect(Card(page, "reader-1").Locator("button[data-level=interactive]")).ToBeDisabledAsync();
        await Assertions.Expect(Card(page, "reader-1").Locator("button[data-level=internal]")).ToBeEnabledAsync();
    }
}
