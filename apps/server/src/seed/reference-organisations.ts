import type { OrganisationKind } from '@caunoi/shared';
import { PRE_REFORM_VALID_FROM, type UnitRecord } from '@caunoi/units';

export interface ReferenceOrganisation {
  code: string;
  kind: OrganisationKind;
  nameVi: string;
  nameEn: string | null;
  shortName: string | null;
  parentCode?: string;
  unitId?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  website?: string | null;
  notes?: string | null;
}

export const MINISTRY_CODE = 'BKHCN';

const unitNote =
  'Cơ cấu theo Nghị định 28/2023/NĐ-CP; quản trị viên cập nhật theo cơ cấu tổ chức hiện hành của Bộ.';

/** The Ministry and its units (structure of Decree 28/2023/NĐ-CP, the period of the source documents). */
export const REFERENCE_ORGANISATIONS: ReferenceOrganisation[] = [
  {
    code: MINISTRY_CODE,
    kind: 'ministry',
    nameVi: 'Bộ Khoa học và Công nghệ',
    nameEn: 'Ministry of Science and Technology',
    shortName: 'Bộ KH&CN',
    website: 'https://www.most.gov.vn',
  },
  ...(
    [
      [
        'VU-PTDP',
        'Vụ Phát triển khoa học và công nghệ địa phương',
        'Department of Local Science and Technology Development',
        'Vụ PTĐP',
      ],
      [
        'VU-KHXH',
        'Vụ Khoa học Xã hội, Nhân văn và Tự nhiên',
        'Department of Social, Human and Natural Sciences',
        'Vụ KHXH',
      ],
      [
        'VU-KTKT',
        'Vụ Khoa học và Công nghệ các ngành kinh tế - kỹ thuật',
        'Department of Science and Technology for Economic-Technical Sectors',
        'Vụ KTKT',
      ],
      [
        'VU-DTG',
        'Vụ Đánh giá, thẩm định và giám định công nghệ',
        'Department of Technology Appraisal, Evaluation and Examination',
        'Vụ ĐTG',
      ],
      ['VU-KHTC', 'Vụ Kế hoạch - Tài chính', 'Department of Planning and Finance', 'Vụ KHTC'],
      ['VU-HTQT', 'Vụ Hợp tác quốc tế', 'Department of International Cooperation', 'Vụ HTQT'],
      ['VU-PC', 'Vụ Pháp chế', 'Department of Legal Affairs', 'Vụ PC'],
      ['VU-TCCB', 'Vụ Tổ chức cán bộ', 'Department of Personnel and Organisation', 'Vụ TCCB'],
      ['VP', 'Văn phòng Bộ', 'Ministry Office', 'VPB'],
      ['TTR', 'Thanh tra Bộ', 'Ministry Inspectorate', 'TTr'],
      ['CUC-SHTT', 'Cục Sở hữu trí tuệ', 'Intellectual Property Office of Viet Nam', 'Cục SHTT'],
      [
        'CUC-DMST',
        'Cục Đổi mới sáng tạo',
        'National Agency for Science, Technology and Innovation',
        'Cục ĐMST',
      ],
      [
        'CUC-UDPTCN',
        'Cục Ứng dụng và Phát triển công nghệ',
        'National Agency for Technology Application and Development',
        'Cục UDPTCN',
      ],
      [
        'CUC-PTTTDN',
        'Cục Phát triển thị trường và doanh nghiệp khoa học và công nghệ',
        'National Agency for Technology Entrepreneurship and Commercialization Development',
        'Cục PTTTDN',
      ],
      [
        'CUC-TTKHCN',
        'Cục Thông tin khoa học và công nghệ quốc gia',
        'National Agency for Science and Technology Information',
        'Cục TTKHCN',
      ],
      ['CUC-NLNT', 'Cục Năng lượng nguyên tử', 'Viet Nam Atomic Energy Agency', 'Cục NLNT'],
      [
        'CUC-ATBXHN',
        'Cục An toàn bức xạ và hạt nhân',
        'Viet Nam Agency for Radiation and Nuclear Safety',
        'Cục ATBXHN',
      ],
      ['CUC-CTPN', 'Cục Công tác phía Nam', 'Southern Affairs Agency', 'Cục CTPN'],
      [
        'TCDLCL',
        'Tổng cục Tiêu chuẩn Đo lường Chất lượng',
        'Directorate for Standards, Metrology and Quality',
        'Tổng cục TĐC',
      ],
      [
        'VIEN-CLCS',
        'Viện Chiến lược và Chính sách khoa học và công nghệ',
        'National Institute for Science and Technology Policy and Strategy Studies',
        'NISTPASS',
      ],
      [
        'TT-TTKHCN',
        'Trung tâm Nghiên cứu và Phát triển truyền thông khoa học và công nghệ',
        'Centre for Science and Technology Communication Research and Development',
        'TT TTKHCN',
      ],
    ] as const
  ).map(([code, nameVi, nameEn, shortName]): ReferenceOrganisation => ({
    code: `${MINISTRY_CODE}.${code}`,
    kind: 'ministry_unit',
    nameVi,
    nameEn,
    shortName,
    parentCode: MINISTRY_CODE,
    notes: unitNote,
  })),
];

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** Each provincial unit's Department of Science and Technology and People's Committee. */
export function provinceOrganisations(units: readonly UnitRecord[]): ReferenceOrganisation[] {
  const out: ReferenceOrganisation[] = [];
  for (const unit of units) {
    const latest = unit.names[unit.names.length - 1]!;
    const place = lowerFirst(latest.fullNameVi);
    const validity = {
      unitId: unit.id,
      // The data's first day is not the unit's founding date: leave it unknown.
      validFrom: unit.validFrom === PRE_REFORM_VALID_FROM ? null : unit.validFrom,
      validTo: unit.validTo,
    };
    out.push({
      code: `UBND-${unit.id}`,
      kind: 'peoples_committee',
      nameVi: `Ủy ban nhân dân ${place}`,
      nameEn: `People's Committee of ${latest.nameEn}`,
      shortName: `UBND ${latest.nameVi}`,
      ...validity,
    });
    out.push({
      code: `SKHCN-${unit.id}`,
      kind: 'dost',
      nameVi: `Sở Khoa học và Công nghệ ${place}`,
      nameEn: `Department of Science and Technology of ${latest.nameEn}`,
      shortName: `Sở KH&CN ${latest.nameVi}`,
      parentCode: `UBND-${unit.id}`,
      ...validity,
    });
  }
  return out;
}
