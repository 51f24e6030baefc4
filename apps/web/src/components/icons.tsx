import type { SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

/** A small stroke icon set (24 × 24 grid); decorative, so hidden from assistive technology. */
function icon(paths: string[], extra?: (p: IconProps) => React.ReactNode) {
  return function Icon({ size = 18, strokeWidth = 1.8, ...props }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={strokeWidth}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...props}
      >
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
        {extra?.(props)}
      </svg>
    );
  };
}

export const IconSearch = icon(['M21 21l-6-6'], () => <circle cx="10" cy="10" r="7" />);
export const IconPlus = icon(['M12 5v14', 'M5 12h14']);
export const IconPencil = icon(['M4 20h4L18.5 9.5a2.83 2.83 0 0 0-4-4L4 16v4', 'M13.5 6.5l4 4']);
export const IconTrash = icon(['M4 7h16', 'M10 11v6', 'M14 11v6', 'M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12', 'M9 7V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v3']);
export const IconUsers = icon(['M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2', 'M16 3.13a4 4 0 0 1 0 7.75', 'M21 21v-2a4 4 0 0 0-3-3.85'], () => <circle cx="9" cy="7" r="4" />);
export const IconUserPlus = icon(['M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2', 'M16 11h6', 'M19 8v6'], () => <circle cx="9" cy="7" r="4" />);
export const IconBuilding = icon(['M3 21h18', 'M5 21V7l8-4v18', 'M19 21V11l-6-4', 'M9 9v.01', 'M9 12v.01', 'M9 15v.01', 'M9 18v.01']);
export const IconStore = icon([
  'M3 21h18',
  'M3 7v1a3 3 0 0 0 6 0V7m0 1a3 3 0 0 0 6 0V7m0 1a3 3 0 0 0 6 0V7H3l2-4h14l2 4',
  'M5 21V10.85',
  'M19 21V10.85',
  'M9 21v-4a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v4',
]);
export const IconGrid = icon([], () => (
  <>
    <rect x="4" y="4" width="6" height="6" rx="1" />
    <rect x="14" y="4" width="6" height="6" rx="1" />
    <rect x="4" y="14" width="6" height="6" rx="1" />
    <rect x="14" y="14" width="6" height="6" rx="1" />
  </>
));
export const IconKey = icon(['M10.85 12.15L19 4', 'M18 5l2 2', 'M15 8l2 2'], () => <circle cx="7.5" cy="15.5" r="4.5" />);
export const IconLogout = icon(['M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2', 'M9 12h12l-3-3', 'M18 15l3-3']);
export const IconCopy = icon(['M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2'], () => <rect x="8" y="8" width="12" height="12" rx="2" />);
export const IconCheck = icon(['M5 12l5 5L20 7']);
export const IconArrowLeft = icon(['M5 12h14', 'M5 12l6 6', 'M5 12l6-6']);
export const IconPhone = icon(['M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2']);
export const IconMail = icon(['M3 7l9 6 9-6'], () => <rect x="3" y="5" width="18" height="14" rx="2" />);
export const IconCalendar = icon(['M16 3v4', 'M8 3v4', 'M4 11h16'], () => <rect x="4" y="5" width="16" height="16" rx="2" />);
export const IconTask = icon(['M9 11l3 3L20 6', 'M20 12v6a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h9']);
export const IconHistory = icon(['M12 8v4l2 2', 'M3.05 11a9 9 0 1 1 .5 4', 'M3 20v-5h5']);
export const IconAlert = icon(['M12 8v4', 'M12 16h.01'], () => <circle cx="12" cy="12" r="9" />);
export const IconInbox = icon(['M4 13h3l3 3h4l3-3h3'], () => <rect x="4" y="4" width="16" height="16" rx="2" />);
export const IconWorld = icon(['M3.6 9h16.8', 'M3.6 15h16.8', 'M11.5 3a17 17 0 0 0 0 18', 'M12.5 3a17 17 0 0 1 0 18'], () => <circle cx="12" cy="12" r="9" />);
export const IconNote = icon(['M13 20l7-7', 'M13 20v-6a1 1 0 0 1 1-1h6V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7']);
export const IconStar = icon(['M12 17.75l-6.17 3.24 1.18-6.87-5-4.86 6.9-1 3.09-6.26 3.09 6.26 6.9 1-5 4.86 1.18 6.87z']);
export const IconX = icon(['M18 6L6 18', 'M6 6l12 12']);
export const IconBox = icon(['M12 3l8 4.5v9L12 21l-8-4.5v-9L12 3', 'M12 12l8-4.5', 'M12 12v9', 'M12 12L4 7.5']);
export const IconFile = icon(['M14 3v4a1 1 0 0 0 1 1h4', 'M17 21H7a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h7l5 5v11a2 2 0 0 1-2 2', 'M9 13h6', 'M9 17h6']);
export const IconReceipt = icon(['M5 21V5a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v16l-3-2-2 2-2-2-2 2-2-2-3 2', 'M9 7h6', 'M9 11h6', 'M13 15h2']);
export const IconCart = icon(['M6 19a2 2 0 1 0 4 0a2 2 0 1 0-4 0', 'M15 19a2 2 0 1 0 4 0a2 2 0 1 0-4 0', 'M17 17H6V3H4', 'M6 5l14 1-1 7H6']);
export const IconTruck = icon(['M5 17a2 2 0 1 0 4 0a2 2 0 1 0-4 0', 'M15 17a2 2 0 1 0 4 0a2 2 0 1 0-4 0', 'M5 17H3V6a1 1 0 0 1 1-1h9v12', 'M9 17h6', 'M19 17h2v-6h-8m0-5h5l3 5']);
export const IconTag = icon(['M7.5 7.5h.01', 'M3 6v5.17a2 2 0 0 0 .59 1.42l7.71 7.71a2.41 2.41 0 0 0 3.41 0l5.59-5.59a2.41 2.41 0 0 0 0-3.41L12.59 3.59A2 2 0 0 0 11.17 3H6a3 3 0 0 0-3 3']);
export const IconPercent = icon(['M17 17a1 1 0 1 0 2 0a1 1 0 1 0-2 0', 'M5 7a1 1 0 1 0 2 0a1 1 0 1 0-2 0', 'M6 18L18 6']);
export const IconHash = icon(['M5 9h14', 'M5 15h14', 'M11 4L7 20', 'M17 4l-4 16']);
export const IconLock = icon(['M8 11V7a4 4 0 1 1 8 0v4'], () => <rect x="5" y="11" width="14" height="10" rx="2" />);
export const IconShield = icon(['M12 3a12 12 0 0 0 8.5 3A12 12 0 0 1 12 21 12 12 0 0 1 3.5 6 12 12 0 0 0 12 3', 'M9 12l2 2 4-4']);
export const IconDownload = icon(['M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2', 'M7 11l5 5 5-5', 'M12 4v12']);
export const IconExternal = icon(['M12 6H6a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6', 'M11 13l9-9', 'M15 4h5v5']);
export const IconArrowUp = icon(['M12 5v14', 'M18 11l-6-6', 'M6 11l6-6']);
export const IconArrowDown = icon(['M12 5v14', 'M18 13l-6 6', 'M6 13l6 6']);
export const IconSettings = icon(
  ['M10.33 4.32c.43-1.76 2.93-1.76 3.35 0a1.72 1.72 0 0 0 2.57 1.07c1.54-.94 3.31.83 2.37 2.37a1.72 1.72 0 0 0 1.06 2.57c1.76.43 1.76 2.93 0 3.35a1.72 1.72 0 0 0-1.07 2.57c.94 1.54-.83 3.31-2.37 2.37a1.72 1.72 0 0 0-2.57 1.06c-.43 1.76-2.93 1.76-3.35 0a1.72 1.72 0 0 0-2.57-1.07c-1.54.94-3.31-.83-2.37-2.37a1.72 1.72 0 0 0-1.06-2.57c-1.76-.43-1.76-2.93 0-3.35a1.72 1.72 0 0 0 1.07-2.57c-.94-1.54.83-3.31 2.37-2.37 1 .61 2.3.07 2.57-1.06'],
  () => <circle cx="12" cy="12" r="3" />,
);
export const IconMap = icon(['M3 7l6-3 6 3 6-3v13l-6 3-6-3-6 3V7', 'M9 4v13', 'M15 7v13']);
export const IconPageBreak = icon(['M4 12h2', 'M9 12h2', 'M14 12h2', 'M19 12h1', 'M6 3v5h12V3', 'M6 21v-5h12v5']);
