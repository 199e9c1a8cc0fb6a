using System.Text;

namespace Gateway.Drivers.Sane.Internal;

/// <summary>
/// An open SANE device: its options by name, and scans. Every member runs on the SANE thread.
/// </summary>
internal sealed class SaneDevice(SaneHandle handle) : IDisposable
{
    private Dictionary<string, SaneOption> _options = new(StringComparer.Ordinal);

    public SaneHandle Handle { get; } = handle;

    /// <summary>Opens a device by name, or the first one SANE lists when <paramref name="name"/> is empty.</summary>
    public static (SaneDevice Device, SaneDeviceInfo Info) Open(string name, IReadOnlyList<SaneDeviceInfo> found)
    {
        var wanted = name.Length > 0 ? name : found.Count > 0 ? found[0].Name : null;
        if (wanted is null)
        {
            throw new DeviceException("sane.device_not_found", "SANE found no scanner (scanimage -L lists what SANE sees).");
        }

        var status = Native.sane_open(wanted, out var handle);
        if (status != SaneStatus.Good)
        {
            handle.Dispose();
            var listed = found.Count == 0 ? "none" : string.Join(", ", found.Select(d => d.Name));
            // The dll meta-backend answers UNSUPPORTED for a backend it does not know, a backend INVAL for a device.
            throw status is SaneStatus.Invalid or SaneStatus.Unsupported
                ? new DeviceException("sane.device_not_found", $"SANE has no scanner '{wanted}' (scanners found: {listed}).")
                : SaneErrors.ToException(status, $"open of '{wanted}'");
        }

        var device = new SaneDevice(handle);
        device.LoadOptions();
        return (device, found.FirstOrDefault(d => d.Name == wanted) ?? new SaneDeviceInfo(wanted, string.Empty, string.Empty, string.Empty));
    }

    /// <summary>The scanners SANE sees (local and network).</summary>
    public static IReadOnlyList<SaneDeviceInfo> List()
    {
        SaneErrors.ThrowIfFailed(Native.sane_get_devices(out var list, 0), "device listing");
        var devices = new List<SaneDeviceInfo>();
        for (var i = 0; System.Runtime.InteropServices.Marshal.ReadIntPtr(list, i * IntPtr.Size) is var device && device != 0; i++)
        {
            // SANE_Device: four const char* (name, vendor, model, type).
            string Field(int n) => Native.Text(System.Runtime.InteropServices.Marshal.ReadIntPtr(device, n * IntPtr.Size));
            devices.Add(new SaneDeviceInfo(Field(0), Field(1), Field(2), Field(3)));
        }

        return devices;
    }

    public SaneOption? Option(string name) => _options.GetValueOrDefault(name);

    /// <summary>Sets an option from text (a number, yes/no, or one of its choices); returns why not, or null when set.</summary>
    public unsafe string? Set(string name, string value)
    {
        if (Option(name) is not { } option)
        {
            return "the scanner has no such option";
        }

        if (!option.IsActive || !option.IsSettable)
        {
            return "the option is not settable now";
        }

        int info;
        SaneStatus status;
        switch (option.Type)
        {
            case SaneValueType.String:
                var choice = option.Choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase)) ?? value;
                var text = new byte[Math.Max(option.Size, Encoding.UTF8.GetByteCount(choice) + 1)];
                Encoding.UTF8.GetBytes(choice, text);
                fixed (byte* pointer = text)
                {
                    status = Native.sane_control_option(Handle, option.Index, Native.ActionSetValue, pointer, out info);
                }

                break;
            case SaneValueType.Bool or SaneValueType.Int or SaneValueType.Fixed:
                int word;
                if (option.Type == SaneValueType.Bool)
                {
                    word = value.ToUpperInvariant() switch
                    {
                        "YES" or "TRUE" or "1" => 1,
                        "NO" or "FALSE" or "0" => 0,
                        _ => -1,
                    };
                    if (word < 0)
                    {
                        return "expects yes or no";
                    }
                }
                else if (double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    word = option.Type == SaneValueType.Fixed ? SaneOption.Fix(number) : (int)Math.Round(number);
                }
                else
                {
                    return "expects a number";
                }

                // A vector option (size > one word) takes the value in every element.
                var words = Enumerable.Repeat(word, Math.Max(1, option.Size / 4)).ToArray();
                fixed (int* pointer = words)
                {
                    status = Native.sane_control_option(Handle, option.Index, Native.ActionSetValue, pointer, out info);
                }

                break;
            default:
                return "the option holds no value";
        }

        if (status != SaneStatus.Good)
        {
            return SaneErrors.ToException(status, $"setting {name}").Message;
        }

        if ((info & Native.InfoReloadOptions) != 0)
        {
            LoadOptions();
        }

        return null;
    }

    /// <summary>The current value of a number option (int or fixed), or null.</summary>
    public unsafe double? Number(string name)
    {
        if (Option(name) is not { Type: SaneValueType.Int or SaneValueType.Fixed } option || !option.IsActive)
        {
            return null;
        }

        var words = new int[Math.Max(1, option.Size / 4)];
        fixed (int* pointer = words)
        {
            if (Native.sane_control_option(Handle, option.Index, Native.ActionGetValue, pointer, out _) != SaneStatus.Good)
            {
                return null;
            }
        }

        return option.Type == SaneValueType.Fixed ? SaneOption.Unfix(words[0]) : words[0];
    }

    public void Dispose() => Handle.Dispose();

    private unsafe void LoadOptions()
    {
        // Option 0 holds the number of options.
        var count = 0;
        Native.sane_control_option(Handle, 0, Native.ActionGetValue, &count, out _);
        var options = new Dictionary<string, SaneOption>(StringComparer.Ordinal);
        for (var i = 1; i < count; i++)
        {
            if (SaneOption.Read(Handle, i) is { Name.Length: > 0 } option && option.Type is not (SaneValueType.Group or SaneValueType.Button))
            {
                options.TryAdd(option.Name, option);
            }
        }

        _options = options;
    }
}

/// <summary>A scanner as <c>sane_get_devices</c> lists it.</summary>
internal sealed record SaneDeviceInfo(string Name, string Vendor, string Model, string Type);
