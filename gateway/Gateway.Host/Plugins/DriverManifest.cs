using System.Text.Json;
using Gateway.Drivers;

namespace Gateway.Host.Plugins;

/// <summary>
/// A driver package's <c>driver.json</c>: <c>{ "id", "version", "contract", "assembly", "provides": [ { "name",
/// "deviceClass" } ] }</c>. <c>provides</c> is optional, but lets the gateway mark the right devices Malfunctioned when the
/// package cannot be loaded.
/// </summary>
internal sealed record DriverManifest(string Id, string Version, int Contract, string Assembly, IReadOnlyList<ProvidedDriver> Provides)
{
    public const string FileName = "driver.json";

    /// <summary>Reads a manifest; a missing or invalid one gives an error sentence instead.</summary>
    public static DriverManifest? Read(string folder, out string error)
    {
        error = string.Empty;
        var path = Path.Combine(folder, FileName);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = json.RootElement;
            var id = Text(root, "id");
            var assembly = Text(root, "assembly");
            if (id.Length == 0 || assembly.Length == 0)
            {
                error = $"{FileName} must give \"id\" and \"assembly\".";
                return null;
            }

            if (assembly.Contains('/') || assembly.Contains('\\') || assembly.Contains(".."))
            {
                error = $"{FileName}: \"assembly\" must be a file name in the package folder.";
                return null;
            }

            var contract = root.TryGetProperty("contract", out var c) ? c.ValueKind switch
            {
                JsonValueKind.Number when c.TryGetInt32(out var n) => n,
                JsonValueKind.String when int.TryParse(c.GetString()!.Split('.')[0], out var n) => n,
                _ => -1,
            } : -1;
            if (contract < 0)
            {
                error = $"{FileName} must give the driver contract version it targets (\"contract\": {DriverContract.Version}).";
                return null;
            }

            var provides = new List<ProvidedDriver>();
            if (root.TryGetProperty("provides", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    var name = Text(item, "name");
                    var deviceClass = Enum.TryParse<DeviceClass>(Text(item, "deviceClass"), ignoreCase: true, out var parsed) ? parsed : (DeviceClass?)null;
                    if (name.Length == 0 || deviceClass is null)
                    {
                        error = $"{FileName}: every \"provides\" entry needs a \"name\" and a \"deviceClass\" ({string.Join(", ", Enum.GetNames<DeviceClass>())}).";
                        return null;
                    }

                    provides.Add(new ProvidedDriver(name, deviceClass.Value));
                }
            }

            return new DriverManifest(id, Text(root, "version"), contract, assembly, provides);
        }
        catch (FileNotFoundException)
        {
            error = $"{FileName} is missing.";
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            error = $"{FileName} could not be read: {ex.Message}";
        }

        return null;
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!.Trim()
            : string.Empty;
}

/// <summary>A driver a package provides: the <c>Driver</c> name devices use, and its device class.</summary>
internal sealed record ProvidedDriver(string Name, DeviceClass DeviceClass);
