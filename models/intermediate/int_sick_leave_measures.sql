{#-
    Cells of the sick-leave tables mapped to gender (T, K, M as in Kolada) and absence kind
    through the reviewed header patterns of sick_leave_column_map. The reference period is
    the tertial in the table's title (`Tertial 1 2017`, `T2 2018`), else the report's own period (the
    cost-centre table of a tertial report names none). A leading five-digit cost-centre code
    in the label is split off (`21220 MH STJ IFO BoU Uppf öppenvård`).
-#}
with

cells as (

    select * from {{ ref('int_table_cells') }}
    where mart_family in ('sick_leave_cost_centre', 'sick_leave_unit')

),

mapped_tables as (

    select * from {{ ref('int_mapped_tables') }}

),

reports as (

    select * from {{ ref('stg_reports') }}

),

column_map as (

    select * from {{ ref('sick_leave_column_map') }}

),

mapped as (

    select
        cells.*,
        column_map.gender,
        column_map.absence_kind,
        cast(nullif(regexp_extract(cells.table_title, '(?:Tertial |T)([123])', 1), '') as integer)
            as title_tertial,
        cast(nullif(regexp_extract(cells.table_title, '((?:19|20)[0-9]{2})', 1), '') as integer)
            as title_year
    from cells
    inner join mapped_tables
        on cells.report_id = mapped_tables.report_id
        and cells.table_id = mapped_tables.table_id
    left join column_map on lower(cells.column_header) like column_map.header_pattern

),

final as (

    select
        mapped.report_id,
        mapped.table_id,
        mapped.mart_family as table_family,
        mapped.row_number,
        mapped.row_label,
        coalesce(
            nullif(regexp_extract(mapped.row_label, '^[0-9]{5} (.*)$', 1), ''), mapped.row_label
        ) as org_unit,
        nullif(regexp_extract(mapped.row_label, '^([0-9]{5}) ', 1), '') as org_unit_code,
        mapped.row_role,
        mapped.is_varav,
        mapped.parent_row_number,
        cast(null as varchar) as scope,
        mapped.column_number,
        mapped.column_header,
        mapped.gender,
        mapped.absence_kind,
        case
            when mapped.title_tertial is not null then make_date(mapped.title_year, 1, 1)
            else reports.period_start
        end as reference_period_start,
        case
            when mapped.title_tertial is not null
                then last_day(make_date(mapped.title_year, 4 * mapped.title_tertial, 1))
            else reports.period_end
        end as reference_period_end,
        mapped.value,
        mapped.printed_text,
        mapped.label_line,
        mapped.source_line
    from mapped
    inner join reports on mapped.report_id = reports.report_id

)

select * from final
