using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Gateway.Cli;

/// <summary>Options every command understands, and what they make.</summary>
internal static partial class GlobalOptions
{
    public const string AddressVariable = "GATEWAY_ADDRESS";

    public static Option<Uri> Address { get; } = new("--address", "-a")
    {
        Description = $"The gateway's gRPC address (default ${AddressVariable} or http://127.0.0.1:50051).",
        Recursive = true,
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable(AddressVariable) ?? "http://127.0.0.1:50051"),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"'{text}' is not a gateway address such as http://127.0.0.1:50051.");
            return null;
        },
    };

    public const string TokenVariable = "GATEWAY_TOKEN";

    public static Option<string?> Token { get; } = new("--token")
    {
        Description = $"The API token to call the gateway with once credentials are configured (default ${TokenVariable}). " +
            "Sent only over TLS, or in the clear to a loopback address.",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(TokenVariable),
    };

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON Lines (protobuf JSON mapping, default values included) instead of a table.",
        Recursive = true,
    };

    /// <summary>The protobuf JSON mapping with default values, one message per line.</summary>
    public static JsonFormatter Formatter { get; } = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    /// <summary>
    /// Formats a message as one JSON line. The formatter escapes '&lt;' for HTML safety; MRZ text is mostly '&lt;',
    /// so it is written plainly (still valid JSON; an escaped backslash before it is left alone).
    /// </summary>
    public static string ToJson(IMessage message) => FillerEscape().Replace(Formatter.Format(message), "$1<");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\\)((?:\\\\)*)\\u003c")]
    private static partial System.Text.RegularExpressions.Regex FillerEscape();

    public static GrpcChannel Channel(ParseResult parse)
    {
        var address = parse.GetValue(Address)!;
        var options = new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 };
        if (parse.GetValue(Token) is { Length: > 0 } token)
        {
            // The gateway takes plaintext on loopback only; a token never leaves the machine unencrypted.
            options.Credentials = address.Scheme == Uri.UriSchemeHttps
                ? ChannelCredentials.Create(new SslCredentials(), Bearer(token))
                : ChannelCredentials.Create(ChannelCredentials.Insecure, Bearer(token));
            options.UnsafeUseInsecureChannelCallCredentials = address.IsLoopback;
        }

        return GrpcChannel.ForAddress(address, options);
    }

    private static CallCredentials Bearer(string token) =>
        CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
}
