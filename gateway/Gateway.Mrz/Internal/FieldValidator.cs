using System.Globalization;

namespace Gateway.Mrz.Internal;

/// <summary>
/// Field-level reading after the check digits: character types, dates, sex, country codes and names. Every field is read
/// and reported on its own, so one bad field never hides the others.
/// </summary>
internal static class FieldValidator
{
    public static FieldFacts Validate(
        MrzLayout layout,
        ReadOnlySpan<char> buffer,
        DateOnly reference,
        int expiryWindowYears,
        ref IssueBag issues,
        ref MrzTolerances tolerances)
    {
        var facts = default(FieldFacts);
        foreach (var field in layout.Fields)
        {
            var text = buffer.Slice(layout.Offset(field), field.Length);
            switch (field.Name)
            {
                case MrzFieldName.DateOfBirth:
                    facts.DateOfBirth = DateReader.ReadBirth(text, reference);
                    ReportDate(facts.DateOfBirth, field, "date of birth", MrzTolerances.BirthYearMostRecentPast, ref issues, ref tolerances);
                    break;
                case MrzFieldName.DateOfExpiry:
                    facts.DateOfExpiry = DateReader.ReadExpiry(text, reference, expiryWindowYears);
                    ReportDate(facts.DateOfExpiry, field, "date of expiry", MrzTolerances.ExpiryYearForwardWindow, ref issues, ref tolerances);
                    break;
                case MrzFieldName.Sex:
                    facts.Sex = ReadSex(text[0], field, ref issues);
                    break;
                case MrzFieldName.IssuingState or MrzFieldName.Nationality:
                    if (ReportDigits(text, field, ref issues))
                    {
                        ReportCountry(text, field, ref issues, ref tolerances);
                    }

                    break;
                case MrzFieldName.Surname or MrzFieldName.GivenNames:
                    ReportDigits(text, field, ref issues);
                    facts.NameTruncated |= ReportTruncation(text, field, ref issues, ref tolerances);
                    break;
                default:
                    if (field.Class == CharClass.Alpha)
                    {
                        ReportDigits(text, field, ref issues);
                    }

                    break;
            }
        }

        if (layout.CombinedName is { } name)
        {
            var text = buffer.Slice(layout.Offset(name), name.Length);
            ReportDigits(text, name, ref issues);
            facts.NameTruncated = ReportTruncation(text, name, ref issues, ref tolerances);
        }

        return facts;
    }

    private static void ReportDate(MrzDate date, FieldSpec field, string what, MrzTolerances rule, ref IssueBag issues, ref MrzTolerances tolerances)
    {
        if (date.Year is not null)
        {
            tolerances |= rule;
        }

        switch (date.Status)
        {
            case MrzDateStatus.Invalid:
                issues.Error(MrzIssueCode.InvalidDate, field.Line + 1, field.Column + 1, $"The {what} is not a possible date (YYMMDD, unknown parts as <<).");
                break;
            case MrzDateStatus.Partial or MrzDateStatus.Unknown:
                tolerances |= MrzTolerances.PartialDate;
                issues.Warning(MrzIssueCode.PartialDate, field.Line + 1, field.Column + 1, $"The {what} is partly or wholly unknown (<<).");
                break;
            default:
                break;
        }
    }

    private static MrzSex ReadSex(char c, FieldSpec field, ref IssueBag issues)
    {
        switch (c)
        {
            case 'M':
                return MrzSex.Male;
            case 'F':
                return MrzSex.Female;
            case 'X' or '<':
                return MrzSex.Unspecified;
            default:
                issues.Error(MrzIssueCode.InvalidSex, field.Line + 1, field.Column + 1, $"The sex field holds '{c}'; expected M, F, X or <.");
                return MrzSex.Invalid;
        }
    }

    /// <summary>Reports the first digit in an alphabetic field; returns true when there is none.</summary>
    private static bool ReportDigits(ReadOnlySpan<char> text, FieldSpec field, ref IssueBag issues)
    {
        var index = text.IndexOfAnyInRange('0', '9');
        if (index < 0)
        {
            return true;
        }

        issues.Error(
            MrzIssueCode.InvalidFieldCharacter,
            field.Line + 1,
            field.Column + index + 1,
            string.Create(CultureInfo.InvariantCulture, $"Digit '{text[index]}' in the {Describe(field.Name)}, which holds letters only."));
        return false;
    }

    private static void ReportCountry(ReadOnlySpan<char> code, FieldSpec field, ref IssueBag issues, ref MrzTolerances tolerances)
    {
        if (CountryCodes.IsGermany(code))
        {
            tolerances |= MrzTolerances.GermanCountryCode;
        }
        else if (!CountryCodes.IsKnown(code))
        {
            issues.Warning(
                MrzIssueCode.UnknownCountryCode,
                field.Line + 1,
                field.Column + 1,
                $"'{code}' in the {Describe(field.Name)} is neither ISO 3166-1 alpha-3 nor a Doc 9303 code.");
        }
    }

    private static bool ReportTruncation(ReadOnlySpan<char> text, FieldSpec field, ref IssueBag issues, ref MrzTolerances tolerances)
    {
        if (!NameReader.FillsField(text))
        {
            return false;
        }

        tolerances |= MrzTolerances.TruncatedName;
        issues.Warning(
            MrzIssueCode.PossiblyTruncatedName,
            field.Line + 1,
            field.Column + field.Length,
            "The name fills its field to the last character and may have been truncated.");
        return true;
    }

    private static string Describe(MrzFieldName name) => name switch
    {
        MrzFieldName.DocumentCode => "document code",
        MrzFieldName.IssuingState => "issuing State code",
        MrzFieldName.Nationality => "nationality code",
        MrzFieldName.Surname or MrzFieldName.GivenNames => "name",
        _ => name.ToString(),
    };
}
