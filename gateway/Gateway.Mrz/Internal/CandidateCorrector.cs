namespace Gateway.Mrz.Internal;

/// <summary>
/// Correction from an OCR's per-position alternatives: the check digits choose the most likely combination of readings
/// that makes them pass. Each check but the composite is solved on its own positions first (its few cheapest passing
/// combinations); then the composite is solved over those and over the positions only it covers. A combination is
/// accepted only when every check covering a changed position passes, so a read no combination validates stays as read.
/// Positions covered by no check keep the OCR's first choice. Both searches are best-first and bounded.
/// </summary>
internal static class CandidateCorrector
{
    /// <summary>Cheapest passing combinations kept per check for the composite search.</summary>
    private const int KeptPerCheck = 6;

    /// <summary>A position whose likeliest other reading costs less than this (about 1/3 as likely) is in doubt.</summary>
    private const double ConfidentCost = 1.1;

    /// <summary>Positions one check digit may change: one (see <see cref="Solve"/>).</summary>
    private const int MaxChangesPerCheck = 1;

    /// <summary>Combinations tried per check; bounds the time of a hopeless read.</summary>
    private const int MaxEvaluationsPerCheck = 3000;

    /// <summary>Combinations tried for the composite check.</summary>
    private const int MaxCompositeEvaluations = 6000;

    /// <summary>
    /// Readings less likely than 1/10 of the first choice are not tried: with more, a check digit (one chance in ten of
    /// passing by accident) would too often validate a combination of unlikely readings.
    /// </summary>
    private const double MaxCostPerPosition = 2.3;

    /// <summary>The least likely combination accepted, as the sum of its readings' costs (e^-3: about 1/20 of the first choices).</summary>
    private const double MaxTotalCost = 3.0;

    /// <summary>Corrects <paramref name="buffer"/> (the first choices) in place; returns the changes.</summary>
    public static List<MrzCorrection> Correct(MrzLayout layout, Span<char> buffer, IReadOnlyList<MrzAlternative[]?> alternatives)
    {
        var original = buffer.ToArray();
        var options = BuildOptions(layout, buffer, alternatives);
        var checks = new MrzCheck[layout.Checks.Length];
        var composite = layout.CheckIndex(MrzCheckName.Composite);
        var compositeBit = composite < 0 ? 0 : 1 << composite;

        // 1. Each check on its own positions.
        var groups = new List<Group>();
        var claimed = new bool[buffer.Length];
        for (var i = 0; i < layout.Checks.Length; i++)
        {
            if (i == composite)
            {
                continue;
            }

            var positions = PositionsOf(layout, options, p => (layout.Coverage[p] & (1 << i)) != 0 && !claimed[p]);
            foreach (var p in positions)
            {
                claimed[p] = true;
            }

            var solutions = Solve(layout, buffer, options, positions, 1 << i, checks, KeptPerCheck, MaxEvaluationsPerCheck);
            groups.Add(new Group(positions, solutions));
        }

        // 2. Everything together: every check must pass.
        var free = PositionsOf(layout, options, p => (layout.Coverage[p] & compositeBit) != 0 && !claimed[p]);
        var best = composite < 0 ? null : SolveAll(layout, buffer, options, groups, free, checks);
        if (best is not null)
        {
            best(buffer);
        }
        else
        {
            // No combination passes every check: keep each check's own cheapest fix, which that check confirms (the
            // result stays invalid; the fields it fixed read better).
            foreach (var group in groups)
            {
                if (group.Solutions.Count == 1 || (group.Solutions.Count > 1 && group.Solutions[1].Cost > group.Solutions[0].Cost + AmbiguityMargin))
                {
                    Apply(buffer, options, group.Positions, group.Solutions[0].Choice);
                }
            }
        }

        var corrections = new List<MrzCorrection>();
        for (var p = 0; p < buffer.Length; p++)
        {
            if (buffer[p] != original[p])
            {
                corrections.Add(new MrzCorrection((p / (layout.LineLength + 1)) + 1, (p % (layout.LineLength + 1)) + 1, original[p], buffer[p]));
            }
        }

        return corrections;
    }

    /// <summary>
    /// Positions no check digit covers (names, sex, optional data without a check) keep the first choice unless the field
    /// cannot hold it (a digit in a name): then the likeliest alternative the field can hold is taken.
    /// </summary>
    public static List<MrzCorrection> FitUncovered(MrzLayout layout, Span<char> buffer, IReadOnlyList<MrzAlternative[]?> alternatives)
    {
        var corrections = new List<MrzCorrection>();
        for (var p = 0; p < buffer.Length && p < alternatives.Count; p++)
        {
            if (buffer[p] == '\n' || layout.Coverage[p] != 0 || Fits(layout.Classes[p], buffer[p]) || alternatives[p] is not { Length: > 1 } list)
            {
                continue;
            }

            var top = Math.Max(list[0].Confidence, 1e-6f);
            foreach (var alternative in list.Skip(1))
            {
                if (Fits(layout.Classes[p], alternative.Character) && Math.Log(top / Math.Max(alternative.Confidence, 1e-9f)) <= MaxCostPerPosition * 2)
                {
                    corrections.Add(new MrzCorrection((p / (layout.LineLength + 1)) + 1, (p % (layout.LineLength + 1)) + 1, buffer[p], alternative.Character));
                    buffer[p] = alternative.Character;
                    break;
                }
            }
        }

        return corrections;
    }

    /// <summary>Per position: the readings worth trying, cheapest first, as (character, cost relative to the first choice).</summary>
    private static (char Character, double Cost)[][] BuildOptions(MrzLayout layout, ReadOnlySpan<char> buffer, IReadOnlyList<MrzAlternative[]?> alternatives)
    {
        var options = new (char, double)[buffer.Length][];
        for (var p = 0; p < buffer.Length; p++)
        {
            var list = p < alternatives.Count ? alternatives[p] : null;
            if (list is null || list.Length < 2 || buffer[p] == '\n' || layout.Coverage[p] == 0)
            {
                options[p] = [(buffer[p], 0)];
                continue;
            }

            var top = Math.Max(list[0].Confidence, 1e-6f);
            var kept = new List<(char, double)> { (buffer[p], 0) };
            foreach (var alternative in list.Skip(1))
            {
                var cost = Math.Log(top / Math.Max(alternative.Confidence, 1e-9f));
                if (cost <= MaxCostPerPosition && Fits(layout.Classes[p], alternative.Character) && alternative.Character != buffer[p])
                {
                    kept.Add((alternative.Character, Math.Max(cost, 0)));
                }
            }

            options[p] = [.. kept.OrderBy(k => k.Item2)];
        }

        return options;
    }

    /// <summary>Readings a position's class allows; the first choice is always kept as read.</summary>
    private static bool Fits(CharClass cls, char c) => cls switch
    {
        CharClass.Numeric or CharClass.CheckDigit => c is (>= '0' and <= '9') or '<',
        CharClass.Alpha => c is (>= 'A' and <= 'Z') or '<',
        _ => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or '<',
    };

    private static int[] PositionsOf(MrzLayout layout, (char, double)[][] options, Func<int, bool> include)
    {
        var positions = new List<int>();
        for (var p = 0; p < layout.Length; p++)
        {
            if (options[p].Length > 1 && include(p))
            {
                positions.Add(p);
            }
        }

        return [.. positions];
    }

    private static void Apply(Span<char> buffer, (char Character, double Cost)[][] options, int[] positions, byte[] choice)
    {
        for (var i = 0; i < positions.Length; i++)
        {
            buffer[positions[i]] = options[positions[i]][choice[i]].Character;
        }
    }

    /// <summary>The cheapest combinations of the positions' readings under which the checks in <paramref name="mask"/> pass.</summary>
    private static List<Solution> Solve(
        MrzLayout layout, ReadOnlySpan<char> buffer, (char Character, double Cost)[][] options, int[] positions, int mask, MrzCheck[] checks, int keep, int maxEvaluations)
    {
        var solutions = new List<Solution>();
        var costs = positions.Select(p => options[p].Select(o => o.Cost).ToArray()).ToArray();
        // How doubtful each position is: the cost of its likeliest other reading.
        var doubts = costs.Select(c => c.Length > 1 ? c[1] : double.MaxValue).ToArray();
        var copy = buffer.ToArray();
        foreach (var (choice, cost) in BestFirst.Enumerate(costs, maxEvaluations))
        {
            // A single check digit confirms a change only where the read was in doubt at that one position: when another
            // position of the field is as doubtful, some change passes by chance too often (one in ten per change tried).
            var changed = Array.FindIndex(choice, c => c != 0);
            if (changed >= 0 && doubts.Where((d, k) => k != changed).Any(d => d < Math.Max(ConfidentCost, doubts[changed])))
            {
                continue;
            }

            if (cost > MaxTotalCost)
            {
                break;
            }

            // One check digit tells one wrong position from the rest; with two changed, some combination passes by chance
            // too often (one in ten per combination tried), so such a fix is never taken.
            if (choice.Count(c => c != 0) > MaxChangesPerCheck)
            {
                continue;
            }

            Apply(copy, options, positions, choice);
            if ((CheckEvaluator.Evaluate(layout, copy, checks).FailedMask & mask) == 0)
            {
                solutions.Add(new Solution(choice, cost));
                if (solutions.Count == keep)
                {
                    break;
                }
            }
        }

        return solutions;
    }

    /// <summary>A second passing combination this close in cost to the best makes the read ambiguous: nothing is corrected.</summary>
    private const double AmbiguityMargin = 1.5;

    private delegate void Writer(Span<char> buffer);

    private static Writer? SolveAll(
        MrzLayout layout, ReadOnlySpan<char> buffer, (char Character, double Cost)[][] options, List<Group> groups, int[] free, MrzCheck[] checks)
    {
        // Dimensions: each check's solutions (a group with none stays as read), then each free position's readings.
        var solvable = groups.Where(g => g.Solutions.Count > 0).ToList();
        var costs = solvable.Select(g => g.Solutions.Select(s => s.Cost).ToArray())
            .Concat(free.Select(p => options[p].Select(o => o.Cost).ToArray()))
            .ToArray();
        var copy = buffer.ToArray();
        char[]? found = null;
        var foundCost = 0.0;
        foreach (var (choice, cost) in BestFirst.Enumerate(costs, MaxCompositeEvaluations))
        {
            if (cost > MaxTotalCost)
            {
                break;
            }

            // The composite check alone may change one position of those only it covers, for the same reason.
            if (choice.Skip(solvable.Count).Count(c => c != 0) > MaxChangesPerCheck)
            {
                continue;
            }

            for (var g = 0; g < solvable.Count; g++)
            {
                Apply(copy, options, solvable[g].Positions, solvable[g].Solutions[choice[g]].Choice);
            }

            for (var f = 0; f < free.Length; f++)
            {
                copy[free[f]] = options[free[f]][choice[solvable.Count + f]].Character;
            }

            if (CheckEvaluator.Evaluate(layout, copy, checks).FailedMask == 0)
            {
                if (found is not null)
                {
                    // Two explanations of the read pass every check: the check digits cannot tell which is right.
                    return null;
                }

                found = copy.ToArray();
                foundCost = cost;
            }

            if (found is not null && cost > foundCost + AmbiguityMargin)
            {
                break;
            }
        }

        return found is null ? null : target => found.CopyTo(target);
    }

    private sealed record Group(int[] Positions, List<Solution> Solutions);

    private sealed record Solution(byte[] Choice, double Cost);
}
