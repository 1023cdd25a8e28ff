{#-
    The cells of every table outside the family marts: tables of a layout no family reads
    (generic) and family tables whose reviewed maps do not cover them yet, with why they are
    here. Columns of percentages are marked: they are not added up.
-#}
with

cells as (

    select * from {{ ref('int_table_cells') }}

),

tables as (

    select * from {{ ref('int_report_tables') }}

),

mapped_tables as (

    select * from {{ ref('int_mapped_tables') }}

),

gaps as (

    select * from {{ ref('int_table_mapping_gaps') }}

),

gaps_per_table as (

    select
        report_id,
        table_id,
        string_agg(
            distinct seed || ' has no ' || gap_kind || ' ''' || mapping_key || '''', '; '
        ) as gap_list
    from gaps
    group by report_id, table_id

),

outside_marts as (

    select cells.*
    from cells
    where not exists (
        select 1 from mapped_tables
        where mapped_tables.report_id = cells.report_id
            and mapped_tables.table_id = cells.table_id
    )

),

final as (

    select
        outside_marts.report_id,
        outside_marts.table_id,
        outside_marts.table_family,
        outside_marts.mart_family,
        outside_marts.table_title,
        outside_marts.row_number,
        outside_marts.row_label,
        outside_marts.row_label_key,
        outside_marts.row_role,
        outside_marts.is_varav,
        outside_marts.parent_row_number,
        outside_marts.resolution,
        outside_marts.column_number,
        outside_marts.column_header,
        cast(null as varchar) as scope,
        outside_marts.value,
        outside_marts.printed_text,
        outside_marts.unit,
        outside_marts.rounding,
        bool_or(
            coalesce(outside_marts.unit = '%', false)
            or regexp_matches(lower(outside_marts.column_header), '%|proc|andel')
        ) over (
            partition by
                outside_marts.report_id, outside_marts.table_id, outside_marts.column_number
        ) as is_percent_column,
        case
            when outside_marts.mart_family = 'generic'
                then coalesce(tables.read_note, 'a layout no family reads')
            else 'not mapped yet: ' || gaps_per_table.gap_list
        end as why_generic,
        outside_marts.label_line,
        outside_marts.source_line
    from outside_marts
    inner join tables
        on outside_marts.report_id = tables.report_id
        and outside_marts.table_id = tables.table_id
    left join gaps_per_table
        on outside_marts.report_id = gaps_per_table.report_id
        and outside_marts.table_id = gaps_per_table.table_id

)

select * from final
