using Gateway.Host.Captures;
using Gateway.Host.Configuration;
using Gateway.Host.Devices;
using Gateway.Host.Diagnostics;
using Gateway.Host.Diagnostics.Web;
using Gateway.Host.Grpc;
using Gateway.Host.Journal;
using Gateway.Host.Plugins;
using Gateway.Host.Security;
using Gateway.Host.Telemetry;
using Gateway.Host.Verification;
using Microsoft.Extensions.Configuration.Json;

namespace Gateway.Host;

/// <summary>Composes the gateway: configuration, devices, capture hub and gRPC endpoints.</summary>
public static class GatewayApplication
{
    /// <summary>Builds the gateway from command-line arguments (<c>--devices PATH</c> and any configuration key).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="configure">Lets tests replace services (a fake clock, extra drivers) before the build.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Host.UseWindowsService(o => o.ServiceName = "BorderBoothGateway");
        builder.Host.UseSystemd();
        AddInstalledConfiguration(builder.Configuration);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        // Driver packages are loaded before the options are validated, so a device's settings are checked by its driver.
        var packages = LoadDriverPackages(builder.Configuration);
        services.AddSingleton(packages);

        // Read here so a bad --devices file stops the start with its own message.
        var devices = DeviceList.Load(builder.Configuration);
        services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.Section), o => o.ErrorOnUnknownConfiguration = false)
            .PostConfigure(o => o.Devices = devices)
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();

        services.AddSingleton<Texts>();
        services.AddSingleton<DriverCatalog>();
        services.AddCaptureJournal();
        services.AddSingleton<CaptureHub>();
        services.AddSingleton<CaptureFactory>();
        services.AddSingleton<CameraTexts>();
        // Page analysis first: it fills a page capture's MRZ lines, which the MRZ verifier then checks. Budgets are generous:
        // a document waits for its analysis, and a loaded booth PC must not lose an MRZ to a timer.
        services.AddSingleton(new Pages.PageAnalyzer(new Pages.PageAnalyzerOptions { MrzBudget = TimeSpan.FromSeconds(2), BarcodeBudget = TimeSpan.FromSeconds(1) }));
        services.AddSingleton<PageTexts>();
        services.AddSingleton<ICaptureVerifier, PageVerifier>();
        services.AddSingleton<ICaptureVerifier, MrzVerifier>();
        services.AddSingleton<ICaptureVerifier, BarcodeVerifier>();
        services.AddSingleton<FingerprintTexts>();
        services.AddSingleton<ICaptureVerifier, FingerprintVerifier>();
        services.AddSingleton<DeviceEventHub>();
        services.AddSingleton<DeviceRegistry>();
        services.AddHostedService<DeviceHost>();
        services.AddHostedService<Chip.ChipReading>();
        services.AddSingleton<Sessions.ClaimRegistry>();
        services.AddSingleton<Sessions.SessionManager>();

        AddDiagnostics(builder);

        services.AddGrpc(o =>
        {
            // Outermost, so it counts the status the client gets.
            o.Interceptors.Add<CallCountingInterceptor>();
            o.Interceptors.Add<ErrorMappingInterceptor>();
            o.Interceptors.Add<AuthorizationInterceptor>();
        });
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck<DevicesHealthCheck>("devices");

        builder.AddGatewayTelemetry();
        configure?.Invoke(builder);
        builder.AddGatewaySecurity();

        var app = builder.Build();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway.Drivers");
        foreach (var package in packages.All)
        {
            if (package.Loaded)
            {
                Log.DriverPackageLoaded(log, package.Id, package.Manifest?.Version ?? string.Empty, package.Folder, string.Join(", ", package.Provides.Select(p => p.Name)));
            }
            else
            {
                Log.DriverPackageMalfunctioned(log, package.Id, package.Folder, package.ReasonCode, package.Reason);
            }
        }

        app.MapGrpcService<DeviceGrpcService>();
        app.MapGrpcService<CaptureGrpcService>();
        app.MapGrpcService<SessionGrpcService>();
        app.MapGrpcService<PreviewGrpcService>();
        app.MapGrpcService<DiagnosticsGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>
    /// The technician's diagnostics: health checks, statistics kept in the data folder, the log tail, simulated captures,
    /// and the diagnostics page on its own loopback port.
    /// </summary>
    private static void AddDiagnostics(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiagnosticsOptions>().Bind(builder.Configuration.GetSection(DiagnosticsOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DiagnosticsOptions>, DiagnosticsOptionsValidator>();
        services.AddSingleton(sp => new LogBuffer(
            Math.Clamp(builder.Configuration.GetValue($"{DiagnosticsOptions.Section}:LogLines", 2000), 10, 1_000_000),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ILoggerProvider>(sp => sp.GetRequiredService<LogBuffer>());
        services.AddSingleton<DiagnosticsTexts>();
        services.AddSingleton<HealthChecker>();
        services.AddSingleton<CaptureInjector>();
        services.AddSingleton<SupportInformation>();
        services.AddSingleton<StatisticsRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<StatisticsRecorder>());
        services.AddSingleton<DiagnosticsWebServer>();
        services.AddHostedService(sp => sp.GetRequiredService<DiagnosticsWebServer>());
    }

    /// <summary>
    /// An installed gateway keeps its configuration outside its program folder, which upgrades replace:
    /// <c>GATEWAY_CONFIG_DIR</c> (e.g. <c>/etc/border-gateway</c>) names a folder whose <c>appsettings.json</c> takes the
    /// place of the program folder's (a whole file, so a shorter device list is not merged with the shipped one);
    /// environment variables and the command line still override it.
    /// </summary>
    private static void AddInstalledConfiguration(ConfigurationManager configuration)
    {
        if (Environment.GetEnvironmentVariable("GATEWAY_CONFIG_DIR") is not { Length: > 0 } folder)
        {
            return;
        }

        var file = Path.GetFullPath(Path.Combine(folder, "appsettings.json"));
        if (!File.Exists(file))
        {
            throw new GatewayConfigurationException($"GATEWAY_CONFIG_DIR: '{file}' does not exist.");
        }

        var installed = new JsonConfigurationSource { Path = file, Optional = false, ReloadOnChange = false };
        installed.ResolveFileProvider();
        var sources = configuration.Sources;
        var shipped = sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: "appsettings.json" });
        if (shipped < 0)
        {
            sources.Add(installed);
        }
        else
        {
            sources[shipped] = installed;
        }
    }

    /// <summary>
    /// The driver packages in <c>Gateway:Drivers:Paths</c> (default: the <c>drivers</c> folder beside the gateway, where
    /// the build puts the built-in drivers), each in its own load context.
    /// </summary>
    private static DriverPackages LoadDriverPackages(IConfiguration configuration)
    {
        var paths = configuration.GetSection("Gateway:Drivers:Paths").Get<string[]>() is { Length: > 0 } configured ? configured : ["drivers"];
        var texts = Texts.ForLanguage(configuration["Gateway:Language"]);
        return DriverPackages.Load(
            paths.Select(p => Path.GetFullPath(p, AppContext.BaseDirectory)),
            (code, detail) => texts.Format("Driver_" + code["driver.".Length..], detail));
    }
}
