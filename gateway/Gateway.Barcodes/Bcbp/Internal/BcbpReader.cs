using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Bcbp.Internal;

/// <summary>
/// Reads a format-M boarding pass: the header items, each leg's mandatory items and variable field, then the security
/// section. Sizes are trusted where they agree with the data; where the last leg's size disagrees, lenient mode trusts the
/// data (the quirk seen most in the field) and says so.
/// </summary>
internal sealed class BcbpReader(BcbpContext context)
{
    private static readonly BcbpItem FormatCode = new("format_code", 1, "1");
    private static readonly BcbpItem NumberOfLegs = new("number_of_legs", 1, "5");
    private static readonly BcbpItem PassengerName = new("passenger_name", 20, "11");
    private static readonly BcbpItem ElectronicTicket = new("electronic_ticket_indicator", 1, "253");

    private ResultBuilder Result => context.Result;

    public void Read()
    {
        var text = context.Text;
        var position = PayloadText.ByteOrderMarkLength(text);
        if (position > 0)
        {
            Result.Deviation("byte_order_mark", 0, "A byte-order mark precedes the payload; skipped.");
        }

        if (position >= text.Length)
        {
            Result.Error("empty", 0, "The payload is empty.");
            return;
        }

        if (!ReadHeader(position, out var legs))
        {
            return;
        }

        position += BcbpItem.HeaderLength;
        for (var leg = 1; leg <= legs; leg++)
        {
            if (!ReadLeg(leg, leg == legs, ref position))
            {
                return;
            }
        }

        new BcbpSecurityReader(context).ReadTail(position);
    }

    private bool ReadHeader(int start, out int legs)
    {
        legs = 0;
        var code = context.Fold(context.Text[start].ToString(), start);
        if (code != "M")
        {
            Result.Check("format_code", CheckStatus.Failed, "A boarding pass starts with format code M.");
            Result.Error("not_bcbp", start, $"Format code is {PayloadText.Show(context.Text[start])}, not 'M': not a BCBP payload.");
            return false;
        }

        Result.Check("format_code", CheckStatus.Passed, "Format code M.");
        if (start + BcbpItem.HeaderLength > context.Length)
        {
            Result.Error("truncated", context.Length, $"The payload ends before the {BcbpItem.HeaderLength} header characters.");
            return false;
        }

        context.ReadItem(FormatCode, "", start, 1);
        context.ReadItem(NumberOfLegs, "", start + 1, 1);
        if (!PayloadText.TryParseDigits(context.Text, start + 1, 1, out legs) || legs == 0)
        {
            Result.Check("number_of_legs", CheckStatus.Failed, "Number of legs must be a digit from 1 to 4.");
            Result.Error("bad_number_of_legs", start + 1, "Number of legs must be a digit from 1 to 4.");
            return false;
        }

        // Resolution 792 allows up to four legs; more is read anyway because the sizes still delimit them.
        var allowed = legs <= 4;
        Result.Check("number_of_legs", allowed ? CheckStatus.Passed : CheckStatus.Failed, $"{legs} leg(s); at most 4 allowed.");
        if (!allowed)
        {
            Result.ContentProblem("bad_number_of_legs", start + 1, $"{legs} legs declared; Resolution 792 allows at most 4.");
        }

        context.ReadItem(PassengerName, "", start + 2, 20);
        context.ReadItem(ElectronicTicket, "", start + 22, 1);
        return true;
    }

    private bool ReadLeg(int leg, bool isLast, ref int position)
    {
        var group = $"leg_{leg}";
        if (position + BcbpItem.LegLength > context.Length)
        {
            // Read what is there so a truncated pass still shows its leading items.
            context.ReadItems(BcbpItem.MandatoryLeg, group, position, context.Length);
            Result.Error("truncated", context.Length, $"The payload ends inside the mandatory items of leg {leg}.");
            return false;
        }

        position = context.ReadItems(BcbpItem.MandatoryLeg, group, position, position + BcbpItem.LegLength - 2);
        if (!context.TryHex(position, 2, "6", "field size of variable size field", out var declared))
        {
            return false;
        }

        var start = position + 2;
        var end = isLast ? ReconcileLastLeg(leg, start, declared) : CheckLegSize(leg, start, declared);
        new BcbpConditionalReader(context).Read(leg, start, Math.Min(end, context.Length));
        position = end;
        return end <= context.Length;
    }

    private int CheckLegSize(int leg, int start, int declared)
    {
        var end = start + declared;
        var fits = end <= context.Length;
        Result.Check($"variable_size_leg_{leg}", fits ? CheckStatus.Passed : CheckStatus.Failed,
            $"Declares {declared} characters of variable data; {Math.Max(0, Math.Min(declared, context.Length - start))} present.");
        if (!fits)
        {
            Result.Error("truncated", context.Length, $"The payload ends inside the variable data of leg {leg}.");
        }

        return end;
    }

    /// <summary>
    /// The last leg's variable field must end where the security section ('^') or the payload ends. When the declared size
    /// says otherwise, the data is the better witness: the end is taken from an exactly sized security section, else
    /// the first '^', else the end of the payload.
    /// </summary>
    private int ReconcileLastLeg(int leg, int start, int declared)
    {
        var text = context.Text;
        var end = start + declared;
        if (end == text.Length || (end < text.Length && (text[end] == '^' || IsWhitespace(text.AsSpan(end)))))
        {
            Result.Check($"variable_size_leg_{leg}", CheckStatus.Passed, $"Declares {declared} characters of variable data; they fit.");
            return end;
        }

        var actual = BcbpSecurityReader.FindExactSecurity(text, start) ?? FirstCaret(text, start) ?? TrimmedEnd(text, Math.Clamp(end, start, text.Length));
        Result.Check($"variable_size_leg_{leg}", CheckStatus.Failed,
            $"Declares {declared} characters of variable data; the data holds {actual - start}.");
        Result.Deviation("conditional_size_mismatch", start - 2,
            $"Leg {leg} declares {declared} characters of variable data but {actual - start} are present; read the data present.");
        return actual;
    }

    private static int? FirstCaret(string text, int start)
    {
        var index = text.IndexOf('^', start);
        return index < 0 ? null : index;
    }

    // Trailing whitespace past the declared end is a scanner suffix, not variable data; before it, it may be data.
    private static int TrimmedEnd(string text, int floor)
    {
        var end = text.Length;
        while (end > floor && IsWhitespaceChar(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    internal static bool IsWhitespace(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!IsWhitespaceChar(c))
            {
                return false;
            }
        }

        return true;
    }

    // Scanners append CR, LF, tabs or NULs as suffixes; a pass never ends in them.
    private static bool IsWhitespaceChar(char c) => c is ' ' or '\r' or '\n' or '\t' or '\0';
}
