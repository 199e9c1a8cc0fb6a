using Gateway.Host.Configuration;
using Gateway.Host.Security;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Journal;

/// <summary>Registers the capture journal, opened from <c>Gateway:Journal</c> when the capture hub is first needed.</summary>
internal static class JournalRegistration
{
    public static IServiceCollection AddCaptureJournal(this IServiceCollection services) =>
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
            var kek = KeyFile.LoadOrCreate(Path.GetFullPath(options.Journal.KeyFile, AppContext.BaseDirectory));
            return CaptureJournal.Open(
                Path.GetFullPath(options.Journal.Folder, AppContext.BaseDirectory),
                kek,
                JournalLimits.From(options),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway.Host.Journal"));
        });
}
