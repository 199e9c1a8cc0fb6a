using System.Runtime.InteropServices;

namespace Gateway.Drivers.Sane.Internal;

/// <summary>One option of an open device, as its descriptor describes it.</summary>
internal sealed record SaneOption(int Index, string Name, SaneValueType Type, int Size, int Capabilities, IReadOnlyList<string> Choices, IReadOnlyList<double> Words)
{
    public bool IsActive => (Capabilities & Native.CapInactive) == 0;

    public bool IsSettable => (Capabilities & Native.CapSoftSelect) != 0;

    /// <summary>Reads the descriptor SANE returns (owned by SANE, valid until the options are reloaded).</summary>
    public static SaneOption? Read(SaneHandle handle, int index)
    {
        var pointer = Native.sane_get_option_descriptor(handle, index);
        if (pointer == 0)
        {
            return null;
        }

        var descriptor = Marshal.PtrToStructure<SaneOptionDescriptor>(pointer);
        var choices = new List<string>();
        var words = new List<double>();
        if (descriptor.ConstraintType == SaneConstraint.StringList && descriptor.Constraint != 0)
        {
            // A NULL-terminated array of strings.
            for (var i = 0; Marshal.ReadIntPtr(descriptor.Constraint, i * IntPtr.Size) is var item && item != 0; i++)
            {
                choices.Add(Native.Text(item));
            }
        }
        else if (descriptor.ConstraintType == SaneConstraint.WordList && descriptor.Constraint != 0)
        {
            // The first word is the list's length.
            var count = Marshal.ReadInt32(descriptor.Constraint);
            for (var i = 1; i <= count; i++)
            {
                var word = Marshal.ReadInt32(descriptor.Constraint, i * 4);
                words.Add(descriptor.Type == SaneValueType.Fixed ? Unfix(word) : word);
            }
        }

        return new SaneOption(index, Native.Text(descriptor.Name), descriptor.Type, descriptor.Size, descriptor.Capabilities, choices, words);
    }

    /// <summary>SANE_FIX: 16.16 fixed point.</summary>
    public static int Fix(double value) => (int)Math.Round(value * 65536);

    public static double Unfix(int value) => value / 65536.0;
}
