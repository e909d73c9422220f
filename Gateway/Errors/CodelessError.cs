namespace TimerGrid.Gateway.Errors;

/// <summary>The error body of the seed surfaces that document one without a code: <c>{"error": "..."}</c>.</summary>
public sealed record CodelessError(string Error);
