using System.Globalization;
using Gateway.Contracts.V1;
using Gateway.Mrz;
using MrzFormat = Gateway.Mrz.MrzFormat;

namespace Gateway.Contracts.Mapping;

/// <summary>Maps the MRZ engine's result to the public contract, so gRPC clients get exactly what it computed.</summary>
public static class MrzMapping
{
    /// <summary>The <c>gateway.v1.MrzResult</c> of <paramref name="result"/>.</summary>
    public static V1.MrzResult ToContract(this Mrz.MrzResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var message = new V1.MrzResult
        {
            RawText = result.RawText,
            Format = (V1.MrzFormat)result.Format,
            Valid = result.Valid,
            StructurallySound = result.IsStructurallySound,
            Summary = Summary(result),
            Facts = Facts(result),
        };
        message.Lines.AddRange(result.Lines);
        message.CorrectedLines.AddRange(result.CorrectedLines);
        message.Fields.AddRange(result.Fields.Select(f => new MrzFieldValue
        {
            Name = f.Name.ToString(),
            Line = (uint)f.Line,
            Column = (uint)f.Column,
            Length = (uint)f.Length,
            Raw = f.Raw,
            Value = f.Value,
        }));
        message.Checks.AddRange(result.Checks.Select(c => new MrzCheckDigit
        {
            Name = c.Name.ToString(),
            Line = (uint)c.Line,
            Column = (uint)c.Column,
            Expected = c.Expected.ToString(),
            Found = c.Found.ToString(),
            Passed = c.Passed,
        }));
        message.Tolerances.AddRange(Enum.GetValues<MrzTolerances>()
            .Where(t => t != MrzTolerances.None && result.Tolerances.HasFlag(t))
            .Select(t => t.ToString()));
        message.Issues.AddRange(result.Issues.Select(i => new V1.MrzIssue
        {
            Error = i.Severity == MrzSeverity.Error,
            Code = i.Code.ToString(),
            Line = (uint)Math.Max(i.Line, 0),
            Column = (uint)Math.Max(i.Column, 0),
            Message = i.Message,
        }));
        message.Corrections.AddRange(result.Corrections.Select(c => new V1.MrzCorrection
        {
            Line = (uint)c.Line,
            Column = (uint)c.Column,
            From = c.From.ToString(),
            To = c.To.ToString(),
        }));
        return message;
    }

    /// <summary>The short format name used in <c>MrzFields.format</c>.</summary>
    public static string FormatName(MrzFormat format) => format switch
    {
        MrzFormat.Td1 => "TD1",
        MrzFormat.Td2 => "TD2",
        MrzFormat.Td3 => "TD3",
        MrzFormat.MrvA => "MRVA",
        MrzFormat.MrvB => "MRVB",
        MrzFormat.FrenchIdentityCard => "FRA_ID",
        _ => string.Empty,
    };

    private static MrzFields Summary(Mrz.MrzResult result) => new()
    {
        Format = FormatName(result.Format),
        DocumentCode = result.DocumentCode ?? string.Empty,
        IssuingState = result.IssuingState ?? string.Empty,
        IssuingStateCode = result.IssuingStateCode ?? string.Empty,
        Surname = result.Surname ?? string.Empty,
        GivenNames = result.GivenNames ?? string.Empty,
        DocumentNumber = result.DocumentNumber ?? string.Empty,
        Nationality = result.Nationality ?? string.Empty,
        NationalityCode = result.NationalityCode ?? string.Empty,
        BirthDate = Iso(result.DateOfBirth),
        Sex = result.Sex switch { MrzSex.Male => "M", MrzSex.Female => "F", MrzSex.Unspecified => "X", _ => string.Empty },
        ExpiryDate = Iso(result.DateOfExpiry),
        OptionalData = Value(result, MrzFieldName.PersonalNumber) ?? Value(result, MrzFieldName.OptionalData1) ?? string.Empty,
        OptionalData2 = Value(result, MrzFieldName.OptionalData2) ?? string.Empty,
    };

    private static MrzFacts Facts(Mrz.MrzResult result)
    {
        var facts = new MrzFacts
        {
            ReferenceDate = result.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ExpiryWarningDays = result.ExpiryWarningDays,
            AgeOfMajority = result.AgeOfMajority,
            NamePossiblyTruncated = result.IsNamePossiblyTruncated,
        };
        if (result.Age is { } age)
        {
            facts.Age = age;
        }

        if (result.IsMinor is { } minor)
        {
            facts.Minor = minor;
        }

        if (result.IsExpired is { } expired)
        {
            facts.Expired = expired;
        }

        if (result.ExpiresSoon is { } soon)
        {
            facts.ExpiresSoon = soon;
        }

        return facts;
    }

    private static string? Value(Mrz.MrzResult result, MrzFieldName name) => result.GetField(name)?.Value;

    private static string Iso(MrzDate date) => date.Status switch
    {
        MrzDateStatus.Complete or MrzDateStatus.Partial => string.Create(
            CultureInfo.InvariantCulture,
            $"{Part(date.Year, 4)}-{Part(date.Month, 2)}-{Part(date.Day, 2)}"),
        _ => string.Empty,
    };

    private static string Part(int? value, int width) =>
        value?.ToString(new string('0', width), CultureInfo.InvariantCulture) ?? new string('X', width);
}
