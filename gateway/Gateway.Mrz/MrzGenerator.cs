using System.Globalization;
using Gateway.Mrz.Internal;

namespace Gateway.Mrz;

/// <summary>Writes MRZs from fields, computing every check digit of the layout.</summary>
public static class MrzGenerator
{
    /// <summary>Writes the MRZ lines, joined by <c>\n</c>.</summary>
    /// <param name="data">The fields.</param>
    /// <returns>The MRZ text.</returns>
    /// <exception cref="ArgumentException">A field does not fit its layout or holds characters that cannot be written.</exception>
    public static string Generate(MrzData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Sex == MrzSex.Invalid)
        {
            throw new ArgumentException("The sex must be male, female or unspecified.", nameof(data));
        }

        var layout = MrzLayouts.For(data.Format);
        var buffer = new char[layout.Length];
        Array.Fill(buffer, '<');
        for (var line = 1; line < layout.LineCount; line++)
        {
            buffer[layout.Offset(line, 0) - 1] = '\n';
        }

        var writer = new MrzWriter(layout, buffer);
        writer.Put(MrzFieldName.DocumentCode, data.DocumentCode);
        writer.Put(MrzFieldName.IssuingState, data.IssuingState);
        writer.Put(MrzFieldName.Nationality, data.Nationality);
        writer.Put(MrzFieldName.DateOfBirth, Date(data.DateOfBirth));
        writer.Put(MrzFieldName.DateOfExpiry, Date(data.DateOfExpiry));
        writer.Put(MrzFieldName.Sex, data.Sex switch { MrzSex.Male => "M", MrzSex.Female => "F", _ => "<" });
        writer.Put(MrzFieldName.OptionalData2, data.OptionalData2);
        writer.Put(MrzFieldName.PersonalNumber, data.PersonalNumber);
        writer.Put(MrzFieldName.AdministrativeCode, data.AdministrativeCode);
        writer.PutDocumentNumber(data.DocumentNumber, data.OptionalData1);
        writer.PutNames(data.Surname, data.GivenNames);
        writer.WriteCheckDigits();
        return new string(buffer);
    }

    private static string Date(DateOnly? date) =>
        date is { } d ? d.ToString("yyMMdd", CultureInfo.InvariantCulture) : "<<<<<<";
}
