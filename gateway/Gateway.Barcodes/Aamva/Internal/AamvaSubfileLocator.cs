using Gateway.Barcodes.Internal;

namespace Gateway.Barcodes.Aamva.Internal;

/// <summary>A subfile found in the input: its type and the input range of its elements (after the type, before the terminator).</summary>
internal sealed record AamvaSubfile(string Type, int ContentStart, int ContentEnd);

/// <summary>
/// Finds each subfile the header declares. The declared offset is used when the type stands there; issuers get offsets
/// wrong often enough (counting from after the header, forgetting a separator) that lenient mode then finds the subfile
/// by its type at the start of a record instead.
/// </summary>
internal sealed class AamvaSubfileLocator(string text, ResultBuilder result)
{
    public List<AamvaSubfile> Locate(AamvaHeader header)
    {
        var subfiles = new List<AamvaSubfile>();
        var searchFrom = header.DataStart;
        foreach (var designator in header.Designators)
        {
            var declared = AtDeclaredOffset(header, designator);
            var start = declared ?? FindByType(designator, header.DataStart, searchFrom);
            if (start is null)
            {
                continue;
            }

            // A declared range is only credible when the declared offset was right.
            var subfile = declared is null
                ? Bound(designator.Type, start.Value, null)
                : Bound(designator.Type, start.Value, DeclaredEnd(start.Value, designator));
            subfiles.Add(subfile);
            searchFrom = subfile.ContentEnd;
        }

        if (header.Designators.Count == 0 && result.IsLenient)
        {
            // No usable designator: a DL or ID subfile is still worth finding by its type.
            foreach (var type in new[] { "DL", "ID" })
            {
                var start = FindType(type, header.DataStart, header.DataStart);
                if (start >= 0)
                {
                    result.Deviation("subfile_located_by_designator", start, $"No subfile designators; found subfile {type} by its type.");
                    subfiles.Add(Bound(type, start, null));
                    break;
                }
            }
        }

        return subfiles;
    }

    private int? AtDeclaredOffset(AamvaHeader header, AamvaDesignator designator)
    {
        var start = header.FileStart + designator.Offset;
        var check = $"subfile_offset_{designator.Type.ToLowerInvariant()}";
        if (start >= 0 && start + 2 <= text.Length && text.AsSpan(start, 2).SequenceEqual(designator.Type))
        {
            result.Check(check, CheckStatus.Passed, $"Subfile {designator.Type} stands at its declared offset {designator.Offset}.");
            return start;
        }

        result.Check(check, CheckStatus.Failed, $"Subfile {designator.Type} does not stand at its declared offset {designator.Offset}.");
        return null;
    }

    private int? FindByType(AamvaDesignator designator, int dataStart, int searchFrom)
    {
        var start = FindType(designator.Type, dataStart, searchFrom);
        if (start < 0)
        {
            result.Error("subfile_missing", designator.At, $"Subfile {designator.Type} is neither at its declared offset nor anywhere after the header.");
            return null;
        }

        result.Deviation("subfile_located_by_designator", designator.At,
            $"Subfile {designator.Type} declares offset {designator.Offset} but starts at {start}; found by its type.");
        return start;
    }

    /// <summary>The type at the first subfile position or at the start of a record (after LF, CR or RS).</summary>
    private int FindType(string type, int dataStart, int searchFrom)
    {
        for (var i = text.IndexOf(type, searchFrom, StringComparison.Ordinal); i >= 0; i = text.IndexOf(type, i + 1, StringComparison.Ordinal))
        {
            if (i == dataStart || text[i - 1] is '\n' or '\r' or '\u001e')
            {
                return i;
            }
        }

        return -1;
    }

    private int DeclaredEnd(int start, AamvaDesignator designator)
    {
        var end = start + designator.Length;
        if (end <= text.Length)
        {
            return end;
        }

        // A declared length past the end is harmless when the subfile is terminated; otherwise the data was cut.
        if (text.IndexOf('\r', start) < 0)
        {
            result.Error("truncated", text.Length, $"The payload ends inside subfile {designator.Type}.");
        }
        else
        {
            result.Deviation("subfile_length_mismatch", designator.At,
                $"Subfile {designator.Type} declares {designator.Length} characters but the payload ends first.");
        }

        return text.Length;
    }

    /// <summary>
    /// The subfile ends at its segment terminator: a CR at the end of its declared range, or else the first CR not
    /// followed by LF (a CR followed by LF is a CRLF element separator). A terminator elsewhere than the declared end
    /// means the declared length is wrong.
    /// </summary>
    private AamvaSubfile Bound(string type, int start, int? declaredEnd)
    {
        var limit = declaredEnd ?? text.Length;
        var contentStart = Math.Min(start + 2, limit);
        var terminator = FindTerminator(contentStart, limit, declaredEnd is not null);
        if (terminator < 0 && declaredEnd is not null)
        {
            terminator = FindTerminator(limit, text.Length, atEnd: false);
        }

        if (terminator < 0)
        {
            result.Deviation("missing_segment_terminator", limit, $"Subfile {type} has no CR segment terminator.");
            return new AamvaSubfile(type, contentStart, limit);
        }

        if (declaredEnd is not null && (terminator < declaredEnd - 2 || terminator >= declaredEnd))
        {
            result.Deviation("subfile_length_mismatch", terminator, $"Subfile {type} ends at {terminator}, not where its declared length says.");
        }

        return new AamvaSubfile(type, contentStart, terminator);
    }

    private int FindTerminator(int from, int limit, bool atEnd)
    {
        for (var i = from; i < limit; i++)
        {
            if (text[i] == '\r' && ((atEnd && i >= limit - 2) || i + 1 >= text.Length || text[i + 1] != '\n'))
            {
                return i;
            }
        }

        return -1;
    }
}
