using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Aamva.Internal;

/// <summary>
/// Reads the elements of one subfile: a 3-letter ID then its value, separated by LF. Dates are turned to ISO with the
/// layout the version and country call for; in DL and ID subfiles the elements every card must carry are checked.
/// </summary>
internal sealed class AamvaElementReader(string text, ResultBuilder result, int version)
{
    private static readonly string[] Required = ["DAQ", "DBB", "DBA"];
    private static readonly string[] FamilyName = ["DCS", "DAB", "DAA"];
    private bool _crlfReported;

    public void Read(AamvaSubfile subfile)
    {
        var elements = Split(subfile);
        var group = subfile.Type.ToLowerInvariant();
        var isCard = subfile.Type is "DL" or "ID";
        var country = elements.Find(e => e.Id == "DCG")?.Value.Trim();
        var (order, reason) = AamvaDates.Choose(version, country);
        if (isCard)
        {
            result.Check($"date_format_{group}", CheckStatus.Passed, $"Dates read as {reason}.");
        }

        foreach (var element in elements)
        {
            var name = AamvaElementNames.NameOf(element.Id, version);
            var value = element.Value.Trim(' ');
            if (isCard && AamvaElementNames.Dates.Contains(element.Id) && value.Length > 0)
            {
                value = ReadDate(element, order);
            }
            else if (isCard && element.Id == "DBC")
            {
                value = value switch { "1" or "M" => "M", "2" or "F" => "F", "9" or "X" => "X", _ => value };
            }

            result.Field(group, name, element.Value, element.Id, element.Offset + 3, value);
        }

        if (isCard)
        {
            CheckRequired(elements, subfile, group);
        }
    }

    private string ReadDate(Element element, AamvaDateOrder order)
    {
        var raw = element.Value.Trim(' ');
        if (AamvaDates.TryRead(raw, order, out var date))
        {
            return AamvaDates.Iso(date);
        }

        var other = AamvaDates.Other(order);
        if (AamvaDates.TryRead(raw, other, out date))
        {
            // Some issuers write the other layout than their country and version call for; the value itself says which.
            result.Deviation("date_format_fallback", element.Offset + 3,
                $"Element {element.Id} is not a valid {Layout(order)} date but is a valid {Layout(other)} one; read as that.");
            return AamvaDates.Iso(date);
        }

        result.ContentProblem("bad_date", element.Offset + 3, $"Element {element.Id} is not a valid date ({Layout(order)}).");
        return raw;
    }

    private void CheckRequired(List<Element> elements, AamvaSubfile subfile, string group)
    {
        var missing = Required.Where(id => !elements.Exists(e => e.Id == id)).ToList();
        if (!FamilyName.Any(id => elements.Exists(e => e.Id == id)))
        {
            missing.Add("DCS");
        }

        if (missing.Count == 0)
        {
            result.Check($"required_elements_{group}", CheckStatus.Passed, "Document number, family name, birth and expiry dates present.");
            return;
        }

        var list = string.Join(", ", missing);
        result.Check($"required_elements_{group}", CheckStatus.Failed, $"Missing {list}.");
        result.ContentProblem("missing_element", subfile.ContentStart, $"Subfile {subfile.Type} lacks element(s) {list}.");
    }

    private List<Element> Split(AamvaSubfile subfile)
    {
        var elements = new List<Element>();
        var start = subfile.ContentStart;
        while (start < subfile.ContentEnd)
        {
            var end = text.IndexOf('\n', start, subfile.ContentEnd - start);
            var last = end < 0;
            end = last ? subfile.ContentEnd : end;
            var pieceEnd = end;
            if (pieceEnd > start && text[pieceEnd - 1] == '\r')
            {
                pieceEnd--;
                ReportCrlf(pieceEnd);
            }

            AddElement(elements, start, pieceEnd);
            start = end + 1;
        }

        return elements;
    }

    private void AddElement(List<Element> elements, int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        if (end - start < 3 || text.AsSpan(start, 3).IndexOfAnyExceptInRange('A', 'Z') >= 0)
        {
            result.ContentProblem("unrecognised_element", start, "Expected an element: a 3-letter ID and its value.");
            return;
        }

        elements.Add(new Element(text.Substring(start, 3), text.Substring(start + 3, end - start - 3), start));
    }

    private void ReportCrlf(int offset)
    {
        if (!_crlfReported)
        {
            _crlfReported = true;
            result.Deviation("crlf_separators", offset, "Elements are separated by CR LF instead of LF; the CRs are ignored.");
        }
    }

    private static string Layout(AamvaDateOrder order) => order == AamvaDateOrder.MonthDayYear ? "MMDDCCYY" : "CCYYMMDD";

    private sealed record Element(string Id, string Value, int Offset);
}
