using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>One comma-separated part of a cron field, as APScheduler reads it: <c>*</c>, <c>a</c>, <c>a-b</c>, <c>*/n</c>, <c>a/n</c>, <c>a-b/n</c>.</summary>
internal readonly record struct SchedulerApiCronRange(bool All, int First, int Last, int Step)
{
    public static SchedulerApiCronRange Parse(SchedulerApiCronField field, string part)
    {
        var slash = part.Split('/');
        if (slash.Length > 2 || slash[0].Length == 0)
        {
            throw Bad(field, part);
        }
        var step = slash.Length == 2 ? Number(field, part, slash[1]) : 1;
        if (slash[0] == "*")
        {
            return Checked(field, part, new SchedulerApiCronRange(true, field.Min, field.Max, step));
        }
        var dash = slash[0].Split('-');
        if (dash.Length > 2)
        {
            throw Bad(field, part);
        }
        var first = Value(field, part, dash[0]);
        // APScheduler: "a/n" runs from a to the field's end.
        var last = dash.Length == 2 ? Value(field, part, dash[1]) : slash.Length == 2 ? field.Max : first;
        return Checked(field, part, new SchedulerApiCronRange(false, first, last, step));
    }

    /// <summary>The values it matches.</summary>
    public IEnumerable<int> Values()
    {
        for (var value = First; value <= Last; value += Step)
        {
            yield return value;
        }
    }

    /// <summary>The same range in Cronos' syntax (no names, no open-ended <c>a/n</c>).</summary>
    public string ToCronos() => (All, First == Last, Step) switch
    {
        (true, _, 1) => "*",
        (true, _, _) => $"*/{Step}",
        (false, true, _) => First.ToString(System.Globalization.CultureInfo.InvariantCulture),
        (false, false, 1) => $"{First}-{Last}",
        _ => $"{First}-{Last}/{Step}",
    };

    private static SchedulerApiCronRange Checked(SchedulerApiCronField field, string part, SchedulerApiCronRange range)
    {
        if (range.First < field.Min || range.Last > field.Max)
        {
            throw SchedulerApiTrigger.Invalid($"trigger_params.{field.Name}: '{part}' is out of range ({field.Min}-{field.Max})");
        }
        if (range.First > range.Last)
        {
            throw SchedulerApiTrigger.Invalid($"trigger_params.{field.Name}: in '{part}' the range starts after it ends");
        }
        if (range.Step < 1 || range.Step > Math.Max(1, range.Last - range.First))
        {
            throw SchedulerApiTrigger.Invalid($"trigger_params.{field.Name}: the step in '{part}' must be between 1 and the range's width");
        }
        return range;
    }

    private static int Value(SchedulerApiCronField field, string part, string token) => field.ValueOf(token) ?? throw Bad(field, part);

    private static int Number(SchedulerApiCronField field, string part, string token) =>
        int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : throw Bad(field, part);

    private static TimerGridException Bad(SchedulerApiCronField field, string part) => SchedulerApiTrigger.Invalid(
        $"trigger_params.{field.Name}: '{part}' is not a value, range or step of {field.Min}-{field.Max}"
        + (field.Names.Length > 0 ? $" or {field.Names[0]}-{field.Names[^1]}" : ""));
}
