using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Host.Configuration;

/// <summary>
/// Finds the device list: <c>Gateway:Devices</c> from configuration, or the JSON file given with <c>--devices PATH</c>,
/// which replaces that list whole (configuration would otherwise merge arrays index by index).
/// </summary>
internal static class DeviceList
{
    /// <summary>The configuration key the command line's <c>--devices PATH</c> lands in.</summary>
    public const string FileKey = "devices";

    public static IReadOnlyList<DeviceOptions> Load(IConfiguration configuration)
    {
        var file = configuration[FileKey];
        var root = string.IsNullOrWhiteSpace(file) ? configuration : ReadFile(file);
        return [.. root.GetSection($"{GatewayOptions.Section}:Devices").GetChildren().Select(s => new DeviceOptions(s))];
    }

    /// <summary>Reads a devices file: a JSON array of devices, or an object with a <c>Devices</c> array.</summary>
    /// <exception cref="GatewayConfigurationException">The file is missing or is not such JSON.</exception>
    private static IConfigurationRoot ReadFile(string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new GatewayConfigurationException($"--devices {path}: {ex.Message}", ex);
        }

        var devices = node switch
        {
            JsonArray array => array,
            JsonObject obj when obj["Devices"] is JsonArray array => array,
            _ => throw new GatewayConfigurationException(
                $"--devices {path}: expected a JSON array of {{ \"Id\", \"Driver\", \"Settings\" }} objects."),
        };

        var wrapped = new JsonObject { [GatewayOptions.Section] = new JsonObject { ["Devices"] = devices.DeepClone() } };
        using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(wrapped));
        return new ConfigurationBuilder().AddJsonStream(stream).Build();
    }
}

/// <summary>The configuration cannot be used; the message names the key or file.</summary>
internal sealed class GatewayConfigurationException(string message, Exception? innerException = null)
    : Exception(message, innerException);
