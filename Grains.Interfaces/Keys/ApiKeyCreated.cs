namespace TimerGrid.Grains.Interfaces.Keys;

/// <summary>A new key and its material, which is shown only this once (only its hash is stored).</summary>
/// <param name="Key">The key as listings show it.</param>
/// <param name="Secret">The material clients send as <c>Authorization: Bearer</c>.</param>
[GenerateSerializer, Alias("tg.ApiKeyCreated")]
public sealed record ApiKeyCreated([property: Id(0)] ApiKeyView Key, [property: Id(1)] string Secret);
