/** The product mark: a bridge under a star, drawn inline (no image download). */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="12" fill="#0b4f8a" />
      <path
        d="M8 44c8-16 40-16 48 0"
        fill="none"
        stroke="#fff"
        strokeWidth="5"
        strokeLinecap="round"
      />
      <path
        d="M8 44h48M18 44V35M32 44V30M46 44V35"
        stroke="#fff"
        strokeWidth="4"
        strokeLinecap="round"
      />
      <circle cx="32" cy="18" r="5" fill="#f5c542" />
    </svg>
  );
}
